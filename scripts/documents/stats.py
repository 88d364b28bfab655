"""Corpus statistics: the built tables -> one plain, JSON-ready dict.

Everything numeric in DATASHEET.md, the README, the dataset card and the figures is rendered
from this dict, so the documents cannot say something the tables do not (issue 8).
`compute_stats` is pure; `load_tables` and `load_agreement` are the I/O edges.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from landstrikes import DATASET_VERSION
from landstrikes.schema.article_rules import BOILERPLATE_KINDS
from landstrikes.schema.quote_words import words
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import UnreadableTable, read_arrow
from landstrikes.strictjson import strict_json

ARTICLE_VOICE = "(article voice)"
CONSISTENCY_PRECEDENCE = ("contradicted", "hypothetical", "uncorroborated", "corroborated")
"""When one article has several claims in a cluster, the figure shows the first label here (C8:
contradiction wins)."""

Columns = dict[str, list]
"""A table as plain Python columns: name -> values, None for null (what Arrow's `to_pydict` gives)."""


class StatsInputError(Exception):
    """The tables or agreement file cannot be read; the message names the file."""


def load_tables(dataset_dir: Path) -> dict:
    """Every registered table of dataset_dir/data, as Arrow tables (the validator's reader)."""
    tables = {}
    for spec in TABLES:
        folder = Path(dataset_dir) / "data" / spec.name
        try:
            tables[spec.name] = read_arrow(folder)
        except UnreadableTable as exc:
            raise StatsInputError(str(exc)) from exc
    return tables


def load_agreement(path: Path) -> dict | None:
    """dataset/agreement.json as `landstrikes agreement` wrote it; None when it was never run."""
    from landstrikes.annotations.yamlsource import read_source_text

    path = Path(path)
    if not path.exists():
        return None
    text = read_source_text(path, "agreement figures")  # as build reads it: a FIFO or device is refused, never read (attack18)
    try:
        figures = strict_json(text)
    except ValueError as exc:
        raise StatsInputError(f"{path}: not readable JSON ({exc})") from exc
    if figures is None:  # a file there holding `null` is of another shape, never "not computed" (attack26)
        raise NullFigures(path)
    return figures


class NullFigures(StatsInputError):
    """A figures file that holds JSON null: the documents said no figures were ever computed."""

    def __init__(self, path):
        self.path = path
        super().__init__(f"{path}: holds JSON null, not an object of figures; regenerate it [bad-json]")


def columns_of(table) -> Columns:
    """An Arrow table (`load_tables`) or a pandas DataFrame as plain columns, nulls as None.

    The statistics are counts and lists over a few thousand rows: plain Python does them without
    pandas, whose import alone cost `build` and `stats --check` 0.3 CPU-s."""
    if hasattr(table, "to_pydict"):
        return table.to_pydict()
    return {name: [_plain(v) for v in table[name].tolist()] for name in table.columns}


def _plain(value):
    """A pandas cell as Arrow gives it: NaN, NaT and NA are None."""
    if value is None or isinstance(value, (str, list, tuple, bool, int)):
        return value
    try:
        return None if value != value else value  # NaN and NaT differ from themselves
    except TypeError:  # pd.NA has no truth value
        return None


def _rows(columns: Columns) -> list[dict]:
    names = list(columns)
    return [dict(zip(names, values)) for values in zip(*(columns[n] for n in names))]


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def compute_stats(tables: dict, agreement: dict | None = None) -> dict:
    """All corpus statistics, keys sorted where order carries no meaning; ints and rounded floats.

    `tables`: table name -> Arrow table or pandas DataFrame."""
    tables = {name: columns_of(table) for name, table in tables.items()}
    articles = sorted(_rows(tables["articles"]), key=lambda r: r["article_id"])
    ids = [r["article_id"] for r in articles]
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


def _articles(articles: list[dict]) -> list[dict]:
    return [
        {
            "article_id": row["article_id"],
            "title": _text(row["title"]),
            "n_chars": int(row["n_chars"]),
            "n_words": int(row["n_words"]),
            "quality_label": row["quality_label"],
            "quality_flags": list(row["quality_flags"]),
            "boilerplate_share": round(float(row["boilerplate_share"]), 4),
        }
        for row in articles
    ]


def _per_article(values: list, ids: list[str]) -> dict[str, int]:
    counts = Counter(values)
    return {a: int(counts.get(a, 0)) for a in ids}


def _table_rows(tables: dict[str, Columns], ids: list[str]) -> dict:
    out = {}
    for spec in TABLES:
        table = tables[spec.name]
        entry = {"rows": _length(table)}
        if "article_id" in table and spec.name != "articles":
            entry["per_article"] = _per_article(table["article_id"], ids)
        out[spec.name] = entry
    return out


def _length(table: Columns) -> int:
    return len(next(iter(table.values()), []))


def _label_distributions(tables: dict[str, Columns], ids: list[str]) -> dict:
    """Every label column of every table: counts of every label (zeros included) and nulls."""
    out = {}
    for spec in TABLES:
        table = tables[spec.name]
        columns = {}
        for column, labels in spec.label_columns.items():
            columns[column] = _distribution(table, column, labels, ids if "article_id" in table else None)
        if spec.name == "articles":  # the list column of AQ1 flags is a label column too
            columns["quality_flags"] = _flag_list_distribution(table, ids)
        if columns:
            out[spec.name] = columns
    return out


def _distribution(table: Columns, column: str, labels: tuple[str, ...], ids: list[str] | None) -> dict:
    def count(values) -> dict[str, int]:
        c = Counter(v for v in values if isinstance(v, str))
        counts = {label: int(c.get(label, 0)) for label in labels}
        nulls = sum(1 for v in values if not isinstance(v, str))
        return {**counts, **({"(null)": nulls} if nulls else {})}

    values = table[column]
    entry = {"total": count(values)}
    if ids is not None:  # one pass over the rows, not one filtered copy per article
        per_article: dict[str, list] = {a: [] for a in ids}
        for article_id, value in zip(table["article_id"], values):
            if article_id in per_article:
                per_article[article_id].append(value)
        entry["per_article"] = {a: count(per_article[a]) for a in ids}
    return entry


def _flag_list_distribution(articles: Columns, ids: list[str]) -> dict:
    labels = TABLES_BY_NAME["quality_flags"].column("flag").labels
    per = {
        a: {f: int(f in flags) for f in labels}
        for a, flags in zip(articles["article_id"], articles["quality_flags"])
    }
    return {"total": {f: sum(per[a][f] for a in ids) for f in labels}, "per_article": per}


def _quotes(quotes: Columns, ids: list[str], names: dict[str, str]) -> dict:
    speakers: dict[str, dict] = {}
    for speaker_id, status, article_id in zip(quotes["speaker_id"], quotes["speaker_status"], quotes["article_id"]):
        key = speaker_id if isinstance(speaker_id, str) else f"({status})"
        entry = speakers.setdefault(
            key, {"name": names.get(key, key), "total": 0, "per_article": {a: 0 for a in ids}}
        )
        entry["total"] += 1
        entry["per_article"][article_id] += 1
    order = sorted(speakers, key=lambda k: (k.startswith("("), -speakers[k]["total"], k))
    clusters: dict[str, set] = {}  # as a groupby on cluster_id: null clusters and null articles left out
    for cluster_id, article_id in zip(quotes["cluster_id"], quotes["article_id"]):
        if cluster_id is not None:
            members = clusters.setdefault(cluster_id, set())
            if article_id is not None:
                members.add(article_id)
    return {
        "speakers": {k: speakers[k] for k in order},
        "clusters": len(clusters),
        "cross_article_clusters": sum(1 for members in clusters.values() if len(members) > 1),
        "misquotations": misquotations(quotes),
    }


def _contains(part: list[str], whole: list[str]) -> bool:
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def misquotations(quotes) -> list[dict]:
    """Quoted wordings (direct/partial) that are not a word-for-word excerpt of their cluster's
    reference direct quote (Q12): a different wording of the same utterance, not a truncation.

    `quotes`: plain columns, an Arrow table or a pandas DataFrame."""
    out = []
    clusters: dict[str, list[dict]] = {}  # as groupby("cluster_id") groups: sorted keys, nulls dropped
    for row in _rows(quotes if isinstance(quotes, dict) else columns_of(quotes)):
        if isinstance(row["cluster_id"], str):
            clusters.setdefault(row["cluster_id"], []).append(row)
    for cluster_id in sorted(clusters):
        rows = clusters[cluster_id]
        reference = max(rows, key=lambda r: (r["kind"] == "direct", len(r["text"]), r["quote_id"]))
        if reference["kind"] != "direct":
            continue
        ref_words = words(reference["text"])
        for row in sorted(rows, key=lambda r: r["quote_id"]):
            if row["kind"] in ("direct", "partial") and not _contains(words(row["text"]), ref_words):
                out.append(
                    {
                        "cluster_id": cluster_id,
                        "quote_id": row["quote_id"],
                        "article_id": row["article_id"],
                        "start": int(row["start"]),
                        "end": int(row["end"]),
                        "text": row["text"],
                        "similarity": round(_float(row["cluster_similarity"]), 4),
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


def _float(value) -> float:
    return float("nan") if value is None else float(value)


def _claims(claims: Columns, ids: list[str]) -> dict:
    rows = _rows(claims)
    matrix: dict[str, dict[str, dict[str, int]]] = {}
    for row in sorted(rows, key=lambda r: r["claim_id"]):
        cell = matrix.setdefault(row["cluster_id"], {}).setdefault(row["article_id"], {})
        cell[row["consistency"]] = cell.get(row["consistency"], 0) + 1
    per_cluster_articles = {c: len(v) for c, v in matrix.items()}
    by_id = {row["claim_id"]: row for row in rows}
    position = {row["claim_id"]: (row["article_id"], int(row["start"])) for row in rows}
    pairs = {
        tuple(sorted((a, b), key=position.__getitem__))
        for a, others in zip(claims["claim_id"], claims["contradicted_by"])
        for b in others or []
    }
    contradictions = [
        {"cluster_id": by_id[a]["cluster_id"], "a": _claim_ref(by_id[a]), "b": _claim_ref(by_id[b])}
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


def _claim_ref(row: dict) -> dict:
    ref = _span_ref(row["claim_id"], row["article_id"], row["start"], row["end"], row["text"])
    if "record_status" in row:
        ref["record_status"] = row["record_status"]
    return ref


def _span_ref(row_id: str, article_id: str, start, end, text: str) -> dict:
    return {"id": row_id, "article_id": article_id, "start": int(start), "end": int(end), "text": text}


def _stances(stances: Columns, names: dict[str, str]) -> dict:
    labels = TABLES_BY_NAME["stances"].column("label").labels
    per_target: dict[str, Counter] = {}
    for target, label in zip(stances["target_id"], stances["label"]):
        if target is not None:  # as groupby("target_id"): null targets left out, targets sorted
            per_target.setdefault(target, Counter())[label] += 1
    targets = {t: {label: int(per_target[t].get(label, 0)) for label in labels} for t in sorted(per_target)}
    groups = stances["holder_group"] if "holder_group" in stances else [None] * _length(stances)
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


def _segments(segments: Columns, articles: list[dict]) -> dict:
    kinds = TABLES_BY_NAME["segments"].column("kind").labels
    lengths: dict[str, Counter] = {}
    for article_id, start, end, kind in zip(segments["article_id"], segments["start"], segments["end"], segments["kind"]):
        lengths.setdefault(article_id, Counter())[kind] += int(end - start)
    chars = {}
    for row in articles:
        own = lengths.get(row["article_id"], Counter())
        chars[row["article_id"]] = {k: int(own.get(k, 0)) for k in kinds}
    appended = sorted((r for r in _rows(segments) if r["kind"] == "appended"), key=lambda r: (r["article_id"], r["start"]))
    return {
        "boilerplate_kinds": list(BOILERPLATE_KINDS),
        "chars_per_kind": chars,
        "boilerplate_share": {r["article_id"]: round(float(r["boilerplate_share"]), 4) for r in articles},
        "appended": [_span_ref(r["segment_id"], r["article_id"], r["start"], r["end"], r["text"]) for r in appended],
    }


def _entities(entities: Columns, mentions: Columns) -> dict:
    types = dict(zip(entities["entity_id"], entities["type"]))
    per_type = Counter(types[e] for e in mentions["entity_id"])
    labels = TABLES_BY_NAME["entities"].column("type").labels
    flagged = sorted((r for r in _rows(entities) if r["flag"] != "none"), key=lambda r: r["entity_id"])
    return {
        "mentions_per_type": {t: int(per_type.get(t, 0)) for t in labels},
        "mentioned_entities": len({e for e in mentions["entity_id"] if e is not None}),
        "flagged": [
            {"entity_id": r["entity_id"], "name": r["name"], "flag": r["flag"], "note": r["flag_note"]}
            for r in flagged
        ],
    }


def _quality(flags: Columns, ids: list[str]) -> dict:
    ordered = sorted(_rows(flags), key=lambda r: (r["flag"], r["article_id"], r["start"], r["end"]))
    return {
        "evidence": [
            {**_span_ref(r["flag_id"], r["article_id"], r["start"], r["end"], r["text"]), "flag": r["flag"], "note": r["note"]}
            for r in ordered
        ],
    }


def stats_json(stats: dict) -> str:
    """The one serialisation of the stats (dataset/stats.json): sorted keys, stable floats."""
    return json.dumps(stats, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
