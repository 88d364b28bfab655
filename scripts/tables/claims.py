"""Build `claims`; consistency is derived from clusters and variants, never typed by hand (C8)."""

from __future__ import annotations

from collections import defaultdict

from landstrikes.corpus import Corpus
from landstrikes.errors import short
from landstrikes.spans import span_spec
from landstrikes.schema.labels import CLAIM_TYPES, HEDGING, QUANTITY_BOUNDS
from landstrikes.tables.common import choice, layer_records, span_id, span_of, unique_rows

FIELDS = {"text", "n", "in", "claimant", "type", "quantity", "hedging", "cluster", "variant", "hypothetical", "note"}


def cluster_variants(corpus: Corpus) -> dict[str, dict[str, str]]:
    """cluster_id -> {variant_id: proposition}; empty when the cluster has one version (C9)."""
    found = {}
    for record in corpus.claim_clusters:
        record.check_keys({"id", "proposition", "variants"})
        variants = record.get("variants") or {}
        if not isinstance(variants, dict) or len(variants) == 1:
            raise record.error("variants must map two or more variant ids to propositions", "variants", "wrong-type")
        found[str(record.require("id"))] = {str(k): str(v) for k, v in variants.items()}
    return found


def build_claim_clusters(corpus: Corpus) -> list[dict]:
    """The cluster catalogue, with counts derived from the claims that use it."""
    claims, variants_of = build_claims(corpus), cluster_variants(corpus)
    rows = []
    for record in corpus.claim_clusters:
        cluster = str(record.require("id"))
        members = [c for c in claims if c["cluster_id"] == cluster]
        if not members:
            raise record.error(f"cluster {short(cluster)} is used by no claim", check="cluster-unused")
        variants = variants_of[cluster]
        rows.append(
            {
                "cluster_id": cluster,
                "proposition": str(record.require("proposition")),
                "variant_ids": list(variants),
                "variant_propositions": list(variants.values()),
                "n_claims": len(members),
                "n_articles": len({c["article_id"] for c in members}),
                "contradicted": any(c["consistency"] == "contradicted" for c in members),
            }
        )
    return unique_rows(rows, "cluster_id", list(corpus.claim_clusters))


def _variant(record, cluster: str, variants: dict[str, dict[str, str]]) -> str | None:
    if cluster not in variants:
        raise record.error(f"cluster {short(cluster)} is not in claim_clusters.yaml", "cluster", "unknown-reference")
    variant = record.get("variant")
    if not variants[cluster]:
        if variant is not None:
            raise record.error(f"cluster {short(cluster)} has no variants, but the claim gives variant {short(variant)}",
                               "variant", "unknown-reference")
        return None
    if variant not in variants[cluster]:
        raise record.error(f"variant {short(variant)} is not one of {short(sorted(variants[cluster]), 200)} of cluster {short(cluster)}",
                           "variant", "unknown-reference")
    return str(variant)


def build_claims(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    variants = cluster_variants(corpus)
    for article, record in layer_records(corpus, "claims"):
        record.check_keys(FIELDS)
        start, end = span_of(record, article, span_spec(record), "claim")
        cluster = str(record.require("cluster"))
        variant = _variant(record, cluster, variants)
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
                "cluster_id": cluster,
                "variant_id": variant,
                "_variant": variant or "",
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
        raise record.error("quantity must be a mapping {low, high, unit, bound}", "quantity", "wrong-type")
    try:
        low = float(q["low"])
        high = float(q.get("high", q["low"]))
    except (KeyError, TypeError, ValueError):
        raise record.error("quantity needs a numeric 'low' (and optional 'high')", "quantity", "wrong-type") from None
    if high < low:
        raise record.error(f"quantity high {high} < low {low}", "quantity", "bad-quantity")
    bound = q.get("bound", "exact" if low == high else "range")
    if bound not in QUANTITY_BOUNDS:
        raise record.error(f"quantity bound {short(bound)} is not one of {list(QUANTITY_BOUNDS)}", "quantity", "label-outside-set")
    if not q.get("unit"):
        raise record.error("quantity needs a 'unit'", "quantity", "missing-field")
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
