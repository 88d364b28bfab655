"""What attack30's tests share: one article of a dataset folder grown K-fold (its text repeated,
every row of it repeated in each copy with its offsets shifted and its ids derived again), so one
article holds K times the claims, flags, mentions, quotes and segments and the corpus stays VALID.
Stances are kept once (their ids name holder and target, not offsets)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema.article_rules import BOILERPLATE_KINDS

A002 = "002_f6c5fed12bcb1118"
A004 = "004_26f752040ea19616"
SPAN_COLUMNS = (("start", "end"), ("speaker_start", "speaker_end"), ("cue_start", "cue_end"), ("evidence_start", "evidence_end"))
_OFFSETS = re.compile(r"^(.*:)(\d+)-(\d+)$")


def _shifted_id(value, article: str, shift: int):
    if not isinstance(value, str) or not value.startswith(article + ":"):
        return value
    found = _OFFSETS.match(value)
    return value if not found else f"{found.group(1)}{int(found.group(2)) + shift}-{int(found.group(3)) + shift}"


def _read(folder: Path, table: str) -> tuple[list[dict], pa.Schema]:
    path = folder / "data" / table / f"{table}.parquet"
    table_ = pq.read_table(path)
    return table_.to_pylist(), table_.schema


def _write(folder: Path, table: str, rows: list[dict], schema: pa.Schema) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), folder / "data" / table / f"{table}.parquet")


def grow_article(folder: Path, copies: int, article: str = A002) -> None:
    """Grow `article` of the dataset folder `folder` (its `data/`, and `raw/` if there) in place."""
    articles, schema = _read(folder, "articles")
    (row,) = [r for r in articles if r["article_id"] == article]
    base = row["text"]
    pad = "" if base.endswith("\n\n") else "\n\n"  # the copies meet at a blank line: word counts add up
    n = len(base) + len(pad)
    for table in sorted(p.name for p in (folder / "data").iterdir()):
        rows, table_schema = _read(folder, table)
        if table == "articles" or "article_id" not in table_schema.names:
            continue
        grown = []
        for r in rows:
            if r["article_id"] != article:
                grown.append(r)
                continue
            for copy in range(1 if table == "stances" else copies):
                shift, q = copy * n, dict(r)
                if table == "segments" and pad and q["end"] == len(base):  # the last segment keeps the blank line
                    q["end"], q["text"] = n, q["text"] + pad
                    q["segment_id"] = f"{q['segment_id'].rsplit('-', 1)[0]}-{n}"
                for a, b in SPAN_COLUMNS:
                    for c in (a, b):
                        if q.get(c) is not None:
                            q[c] += shift
                for c in q:
                    if c.endswith("_id"):
                        q[c] = _shifted_id(q[c], article, shift)
                if q.get("contradicted_by") is not None:
                    q["contradicted_by"] = [_shifted_id(x, article, shift) for x in q["contradicted_by"]]
                grown.append(q)
        _write(folder, table, grown, table_schema)
    claims, claim_schema = _read(folder, "claims")
    by_cluster = links_as_wanted(claims)
    _write(folder, "claims", claims, claim_schema)
    clusters, cluster_schema = _read(folder, "claim_clusters")
    for r in clusters:
        mine = by_cluster.get(r["cluster_id"], [])
        r["n_claims"], r["n_articles"] = len(mine), len({c["article_id"] for c in mine})
    _write(folder, "claim_clusters", clusters, cluster_schema)
    segments, _ = _read(folder, "segments")
    noise = sum(s["end"] - s["start"] for s in segments if s["article_id"] == article and s["kind"] in BOILERPLATE_KINDS)
    text = (base + pad) * copies
    row.update(text=text, n_chars=len(text), n_words=row["n_words"] * copies, sha256=hashlib.sha256(text.encode()).hexdigest(),
               boilerplate_share=round(noise / len(text), 6))
    if copies > 1 and row["quality_label"] == "minor_issues":  # AQ2: two factual slips or more
        row["quality_label"] = "major_issues"
    _write(folder, "articles", articles, schema)
    if (folder / "raw" / row["source_file"]).exists():
        (folder / "raw" / row["source_file"]).write_bytes(text.encode())


def links_as_wanted(claims: list[dict]) -> dict[str, list[dict]]:
    """Each claim's `contradicted_by` set to what C9 wants (its cluster's claims in other
    articles with another variant); returns the claims by cluster."""
    by_cluster: dict[str, list[dict]] = {}
    for c in claims:
        by_cluster.setdefault(c["cluster_id"], []).append(c)
    for c in claims:
        if c["cluster_id"] is not None and c["variant_id"] is not None:
            c["contradicted_by"] = sorted(o["claim_id"] for o in by_cluster[c["cluster_id"]] if o["article_id"] != c["article_id"]
                                          and o["variant_id"] is not None and o["variant_id"] != c["variant_id"])
    return by_cluster


def article_merges(monkeypatch) -> list[tuple[int, int, int]]:
    """(left rows, right rows, rows formed) of every frame merge on article_id from now on."""
    import pandas as pd

    seen = []
    plain = pd.DataFrame.merge

    def counted(self, right, *args, **kwargs):
        merged = plain(self, right, *args, **kwargs)
        if kwargs.get("on") == "article_id":
            seen.append((len(self), len(right), len(merged)))
        return merged

    monkeypatch.setattr(pd.DataFrame, "merge", counted)
    return seen


def article_text(folder: Path, article: str) -> str:
    (row,) = [r for r in _read(folder, "articles")[0] if r["article_id"] == article]
    return row["text"]


def pairs_listed(monkeypatch, *callers: str, modules=()) -> list[tuple[int, int, int]]:
    """(left keys, right keys, pairs) of every `pairs_by_key` call made from a function whose name
    starts with one of `callers`, from now on, with the listing path forced (DIRECT_PAIRS 0);
    `modules` that imported pairs_by_key themselves are patched too."""
    import sys

    import landstrikes.schema.checkcorpus as checkcorpus

    seen = []
    listing = checkcorpus.pairs_by_key

    def listed(left, right):
        li, ri = listing(left, right)
        if sys._getframe(1).f_code.co_name.startswith(callers):
            seen.append((len(left), len(right), len(li)))
        return li, ri

    for module in (checkcorpus, *modules):
        monkeypatch.setattr(module, "pairs_by_key", listed, raising=False)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    return seen
