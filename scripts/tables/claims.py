"""Build `claims`; consistency is derived from clusters and variants, never typed by hand (C8)."""

from __future__ import annotations

from collections import defaultdict

from landstrikes.corpus import Corpus
from landstrikes.spans import span_spec
from landstrikes.schema.labels import CLAIM_TYPES, HEDGING, QUANTITY_BOUNDS
from landstrikes.tables.common import choice, layer_records, span_id, span_of, unique_rows

FIELDS = {"text", "n", "in", "claimant", "type", "quantity", "hedging", "cluster", "variant", "hypothetical", "note"}


def build_claims(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "claims"):
        record.check_keys(FIELDS)
        start, end = span_of(record, article, span_spec(record), "claim")
        low, high, unit, bound = _quantity(record)
        rows.append(
            {
                "claim_id": span_id(article.article_id, "c", start, end),
                "article_id": article.article_id,
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "claimant_id": record.get("claimant"),
                "claim_type": choice(record, "type", CLAIM_TYPES),
                "quantity_low": low,
                "quantity_high": high,
                "quantity_unit": unit,
                "quantity_bound": bound,
                "hedging": choice(record, "hedging", HEDGING),
                "cluster_id": str(record.require("cluster")),
                "_variant": str(record.get("variant", "a")),
                "_hypothetical": bool(record.get("hypothetical", False)),
            }
        )
        recs.append(record)
    return with_consistency(unique_rows(rows, "claim_id", recs))


def _quantity(record):
    q = record.get("quantity")
    if q is None:
        return None, None, None, None
    if not isinstance(q, dict):
        raise record.error("quantity must be a mapping {low, high, unit, bound}")
    try:
        low = float(q["low"])
        high = float(q.get("high", q["low"]))
    except (KeyError, TypeError, ValueError):
        raise record.error("quantity needs a numeric 'low' (and optional 'high')") from None
    if high < low:
        raise record.error(f"quantity high {high} < low {low}")
    bound = q.get("bound", "exact" if low == high else "range")
    if bound not in QUANTITY_BOUNDS:
        raise record.error(f"quantity bound {bound!r} is not one of {list(QUANTITY_BOUNDS)}")
    if not q.get("unit"):
        raise record.error("quantity needs a 'unit'")
    return low, high, str(q["unit"]), bound


def with_consistency(rows: list[dict]) -> list[dict]:
    """Same cluster, other article: same variant corroborates, another variant contradicts."""
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_cluster[row["cluster_id"]].append(row)
    for row in rows:
        others = [o for o in by_cluster[row["cluster_id"]] if o["article_id"] != row["article_id"]]
        against = sorted(o["claim_id"] for o in others if o["_variant"] != row["_variant"])
        row["contradicted_by"] = against
        if against:
            row["consistency"] = "contradicted"
        elif row["_hypothetical"]:
            row["consistency"] = "hypothetical"
        elif others:
            row["consistency"] = "corroborated"
        else:
            row["consistency"] = "uncorroborated"
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
