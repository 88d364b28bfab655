"""Corpus statistics: the built tables -> one plain, JSON-ready dict.

Everything numeric in DATASHEET.md, the README, the dataset card and the figures is rendered
from this dict, so the documents cannot say something the tables do not (issue 8).
`compute_stats` is pure; `load_tables` and `load_agreement` are the I/O edges.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from landstrikes import DATASET_VERSION
from landstrikes.schema.crosschecks import BOILERPLATE_KINDS
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import UnreadableTable, read_table

ARTICLE_VOICE = "(article voice)"
CONSISTENCY_PRECEDENCE = ("contradicted", "hypothetical", "uncorroborated", "corroborated")
"""When one article has several claims in a cluster, the figure shows the first label here (C8:
contradiction wins)."""


class StatsInputError(Exception):
    """The tables or agreement file cannot be read; the message names the file."""


def load_tables(dataset_dir: Path) -> dict[str, pd.DataFrame]:
    """Every registered table of dataset_dir/data, as the validator reads it."""
    tables = {}
    for spec in TABLES:
        folder = Path(dataset_dir) / "data" / spec.name
        try:
            tables[spec.name] = read_table(folder)
        except UnreadableTable as exc:
            raise StatsInputError(str(exc)) from exc
    return tables


def load_agreement(path: Path) -> dict | None:
    """dataset/agreement.json as `landstrikes agreement` wrote it; None when it was never run."""
    path = Path(path)
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StatsInputError(f"{path}: not readable JSON ({exc})") from exc


def compute_stats(tables: dict[str, pd.DataFrame], agreement: dict | None = None) -> dict:
    """All corpus statistics, keys sorted where order carries no meaning; ints and rounded floats."""
    articles = tables["articles"].sort_values("article_id")
    ids = list(articles["article_id"])
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name"]))
    return {
        "dataset_version": DATASET_VERSION,
        "article_ids": ids,
        "articles": _articles(articles),
        "tables": _table_rows(tables, ids),
        "labels": _label_distributions(tables, ids),
        "quotes": _quotes(tables["quotes"], ids, names),
        "claims": _claims(tables["claims"], ids),
        "stances": _stances(tables["stances"], names),
        "segments": _segments(tables["segments"], articles),
        "entities": _entities(tables["entities"], tables["mentions"]),
        "quality": _quality(tables["quality_flags"], ids),
        "agreement": agreement,
    }


def _articles(articles: pd.DataFrame) -> list[dict]:
    return [
        {
            "article_id": row["article_id"],
            "title": None if pd.isna(row["title"]) else row["title"],
            "n_chars": int(row["n_chars"]),
            "n_words": int(row["n_words"]),
            "quality_label": row["quality_label"],
            "quality_flags": list(row["quality_flags"]),
            "boilerplate_share": round(float(row["boilerplate_share"]), 4),
        }
        for _, row in articles.iterrows()
    ]


def _per_article(df: pd.DataFrame, ids: list[str]) -> dict[str, int]:
    counts = Counter(df["article_id"])
    return {a: int(counts.get(a, 0)) for a in ids}


def _table_rows(tables: dict[str, pd.DataFrame], ids: list[str]) -> dict:
    out = {}
    for spec in TABLES:
        df = tables[spec.name]
        entry = {"rows": len(df)}
        if "article_id" in df.columns and spec.name != "articles":
            entry["per_article"] = _per_article(df, ids)
        out[spec.name] = entry
    return out


def _label_distributions(tables: dict[str, pd.DataFrame], ids: list[str]) -> dict:
    """Every label column of every table: counts of every label (zeros included) and nulls."""
    out = {}
    for spec in TABLES:
        df = tables[spec.name]
        columns = {}
        for column, labels in spec.label_columns.items():
            columns[column] = _distribution(df, column, labels, ids if "article_id" in df.columns else None)
        if spec.name == "articles":  # the list column of AQ1 flags is a label column too
            columns["quality_flags"] = _flag_list_distribution(df, ids)
        if columns:
            out[spec.name] = columns
    return out


def _distribution(df: pd.DataFrame, column: str, labels: tuple[str, ...], ids: list[str] | None) -> dict:
    def count(values) -> dict[str, int]:
        c = Counter(v for v in values if isinstance(v, str))
        counts = {label: int(c.get(label, 0)) for label in labels}
        nulls = sum(1 for v in values if not isinstance(v, str))
        return {**counts, **({"(null)": nulls} if nulls else {})}

    values = df[column].tolist()
    entry = {"total": count(values)}
    if ids is not None:  # one pass over the rows, not one filtered copy per article
        per_article: dict[str, list] = {a: [] for a in ids}
        for article_id, value in zip(df["article_id"].tolist(), values):
            if article_id in per_article:
                per_article[article_id].append(value)
        entry["per_article"] = {a: count(per_article[a]) for a in ids}
    return entry


def _flag_list_distribution(articles: pd.DataFrame, ids: list[str]) -> dict:
    labels = TABLES_BY_NAME["quality_flags"].column("flag").labels
    per = {
        a: {f: int(f in flags) for f in labels}
        for a, flags in zip(articles["article_id"], articles["quality_flags"])
    }
    return {"total": {f: sum(per[a][f] for a in ids) for f in labels}, "per_article": per}


def _quotes(quotes: pd.DataFrame, ids: list[str], names: dict[str, str]) -> dict:
    speakers: dict[str, dict] = {}
    for row in quotes.itertuples():
        key = row.speaker_id if isinstance(row.speaker_id, str) else f"({row.speaker_status})"
        entry = speakers.setdefault(
            key, {"name": names.get(key, key), "total": 0, "per_article": {a: 0 for a in ids}}
        )
        entry["total"] += 1
        entry["per_article"][row.article_id] += 1
    order = sorted(speakers, key=lambda k: (k.startswith("("), -speakers[k]["total"], k))
    clusters = quotes.groupby("cluster_id")["article_id"].nunique()
    return {
        "speakers": {k: speakers[k] for k in order},
        "clusters": len(clusters),
        "cross_article_clusters": int((clusters > 1).sum()),
        "misquotations": misquotations(quotes),
    }


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)?", text.lower().replace("’", "'"))


def _contains(part: list[str], whole: list[str]) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def misquotations(quotes: pd.DataFrame) -> list[dict]:
    """Quoted wordings (direct/partial) that are not a word-for-word excerpt of their cluster's
    reference direct quote (Q12): a different wording of the same utterance, not a truncation."""
    out = []
    clusters: dict[str, list[dict]] = {}  # as groupby("cluster_id") groups: sorted keys, nulls dropped
    for row in quotes.to_dict("records"):
        if isinstance(row["cluster_id"], str):
            clusters.setdefault(row["cluster_id"], []).append(row)
    for cluster_id in sorted(clusters):
        rows = clusters[cluster_id]
        reference = max(rows, key=lambda r: (r["kind"] == "direct", len(r["text"]), r["quote_id"]))
        if reference["kind"] != "direct":
            continue
        ref_words = _words(reference["text"])
        for row in sorted(rows, key=lambda r: r["quote_id"]):
            if row["kind"] in ("direct", "partial") and not _contains(_words(row["text"]), ref_words):
                out.append(
                    {
                        "cluster_id": cluster_id,
                        "quote_id": row["quote_id"],
                        "article_id": row["article_id"],
                        "start": int(row["start"]),
                        "end": int(row["end"]),
                        "text": row["text"],
                        "similarity": round(float(row["cluster_similarity"]), 4),
                        "reference": _span_ref(
                            reference["quote_id"],
                            reference["article_id"],
                            reference["start"],
                            reference["end"],
                            reference["text"],
                        ),
                    }
                )
    return out


def _claims(claims: pd.DataFrame, ids: list[str]) -> dict:
    matrix: dict[str, dict[str, dict[str, int]]] = {}
    for row in claims.sort_values("claim_id").itertuples():
        cell = matrix.setdefault(row.cluster_id, {}).setdefault(row.article_id, {})
        cell[row.consistency] = cell.get(row.consistency, 0) + 1
    per_cluster_articles = {c: len(v) for c, v in matrix.items()}
    by_id = claims.set_index("claim_id")
    position = {
        cid: (a, int(s)) for cid, a, s in zip(claims["claim_id"], claims["article_id"], claims["start"])
    }
    pairs = {
        tuple(sorted((a, b), key=position.__getitem__))
        for a, others in zip(claims["claim_id"], claims["contradicted_by"])
        for b in others or []
    }
    contradictions = [
        {"cluster_id": by_id.at[a, "cluster_id"], "a": _claim_ref(by_id, a), "b": _claim_ref(by_id, b)}
        for a, b in sorted(pairs, key=lambda p: (position[p[0]], position[p[1]]))
    ]
    return {
        "clusters": len(matrix),
        "cross_article_clusters": sum(1 for n in per_cluster_articles.values() if n > 1),
        "matrix": {
            c: {a: dict(sorted(matrix[c][a].items())) for a in ids if a in matrix[c]} for c in sorted(matrix)
        },
        "contradictions": contradictions,
    }


def _claim_ref(by_id: pd.DataFrame, claim_id: str) -> dict:
    row = by_id.loc[claim_id]
    ref = _span_ref(claim_id, row["article_id"], row["start"], row["end"], row["text"])
    if "record_status" in by_id:
        ref["record_status"] = row["record_status"]
    return ref


def _span_ref(row_id: str, article_id: str, start, end, text: str) -> dict:
    return {"id": row_id, "article_id": article_id, "start": int(start), "end": int(end), "text": text}


def _stances(stances: pd.DataFrame, names: dict[str, str]) -> dict:
    labels = TABLES_BY_NAME["stances"].column("label").labels
    targets = {}
    for target, group in stances.groupby("target_id"):
        c = Counter(group["label"])
        targets[target] = {label: int(c.get(label, 0)) for label in labels}
    groups = stances["holder_group"] if "holder_group" in stances else pd.Series([None] * len(stances))
    holders = Counter(
        names.get(h, h) if isinstance(h, str) else f"({g}, unnamed group)" if isinstance(g, str) else ARTICLE_VOICE
        for h, g in zip(stances["holder_id"], groups)
    )
    confidence = Counter(stances["stance_confidence"]) if "stance_confidence" in stances else Counter()
    return {
        "per_target": targets,
        "holders": dict(sorted(holders.items(), key=lambda kv: (-kv[1], kv[0]))),
        "confidence": {k: int(confidence.get(k, 0)) for k in ("high", "medium", "low")},
    }


def _segments(segments: pd.DataFrame, articles: pd.DataFrame) -> dict:
    kinds = TABLES_BY_NAME["segments"].column("kind").labels
    chars = {}
    for article_id in articles["article_id"]:
        own = segments[segments["article_id"] == article_id]
        lengths = Counter()
        for s, e, k in zip(own["start"], own["end"], own["kind"]):
            lengths[k] += int(e - s)
        chars[article_id] = {k: int(lengths.get(k, 0)) for k in kinds}
    appended = segments[segments["kind"] == "appended"].sort_values(["article_id", "start"])
    return {
        "boilerplate_kinds": list(BOILERPLATE_KINDS),
        "chars_per_kind": chars,
        "boilerplate_share": {
            a: round(float(s), 4) for a, s in zip(articles["article_id"], articles["boilerplate_share"])
        },
        "appended": [
            _span_ref(r.segment_id, r.article_id, r.start, r.end, r.text) for r in appended.itertuples()
        ],
    }


def _entities(entities: pd.DataFrame, mentions: pd.DataFrame) -> dict:
    types = dict(zip(entities["entity_id"], entities["type"]))
    per_type = Counter(types[e] for e in mentions["entity_id"])
    labels = TABLES_BY_NAME["entities"].column("type").labels
    flagged = entities[entities["flag"] != "none"].sort_values("entity_id")
    return {
        "mentions_per_type": {t: int(per_type.get(t, 0)) for t in labels},
        "mentioned_entities": int(mentions["entity_id"].nunique()),
        "flagged": [
            {"entity_id": r.entity_id, "name": r.name, "flag": r.flag, "note": r.flag_note}
            for r in flagged.itertuples()
        ],
    }


def _quality(flags: pd.DataFrame, ids: list[str]) -> dict:
    ordered = flags.sort_values(["flag", "article_id", "start", "end"])
    return {
        "evidence": [
            {**_span_ref(r.flag_id, r.article_id, r.start, r.end, r.text), "flag": r.flag, "note": r.note}
            for r in ordered.itertuples()
        ],
    }


def stats_json(stats: dict) -> str:
    """The one serialisation of the stats (dataset/stats.json): sorted keys, stable floats."""
    return json.dumps(stats, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
