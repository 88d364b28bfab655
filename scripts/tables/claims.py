"""Build `claims`; consistency is derived from clusters and variants, never typed by hand (C8)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from landstrikes.annotations.corpus import Corpus
from landstrikes.errors import noun, short
from landstrikes.annotations.spans import span_spec
from landstrikes.schema.labels import CLAIM_TYPES, HEDGING, QUANTITY_BOUNDS, RECORD_STATUSES
from landstrikes.tables.common import choice, layer_records, span_id, span_of, unique_rows

FIELDS = {"text", "n", "in", "claimant", "type", "quantity", "hedging", "cluster", "variant", "hypothetical", "note"}


@dataclass(frozen=True)
class Version:
    """One version of a cluster's proposition and its agreement with the public record (C9, C9b)."""

    proposition: str
    record_status: str
    record_note: str | None


@dataclass(frozen=True)
class Cluster:
    """A catalogued proposition (C7): its own record status, or its incompatible variants."""

    proposition: str
    record_status: str | None
    record_note: str | None
    variants: dict[str, Version]

    def status_of(self, variant: str | None) -> str:
        return self.variants[variant].record_status if variant is not None else self.record_status


CLUSTER_FIELDS = {"id", "proposition", "variants", "record", "note"}
VARIANT_FIELDS = {"id", "proposition", "record", "note"}


def _record_status(record, data: dict, where: str) -> tuple[str, str | None]:
    status = data.get("record", "unknown")
    if status not in RECORD_STATUSES:
        raise record.error(f"{where}record={short(status)} is not one of {list(RECORD_STATUSES)}", "record", "label-outside-set")
    note = data.get("note")
    if status != "unknown" and not note:
        raise record.error(f"{where}record={short(status)} needs a 'note' saying why (C9b)", "note", "missing-field")
    return status, (str(note) if note else None)


def catalogued_clusters(corpus: Corpus) -> dict[str, Cluster]:
    """cluster_id -> Cluster; variants only where articles state incompatible versions (C9)."""
    found = {}
    for record in corpus.claim_clusters:
        record.check_keys(CLUSTER_FIELDS)
        variants = record.get("variants")
        if variants is None:
            status, note = _record_status(record, record.data, "")
            found[str(record.require("id"))] = Cluster(str(record.require("proposition")), status, note, {})
            continue
        if not isinstance(variants, list) or len(variants) < 2 or not all(isinstance(v, dict) for v in variants):
            raise record.error("variants must be a list of two or more mappings {id, proposition, record, note}", "variants", "wrong-type")
        if "record" in record.data or "note" in record.data:
            raise record.error("a cluster with variants records its record status per variant (C9b)")
        versions = {}
        for v in variants:
            # keys the YAML loader adds (`__line__`, anything starting with `__`) are never data
            unknown = {k for k in v if not str(k).startswith("__")} - VARIANT_FIELDS
            if unknown:
                raise record.error(f"unknown variant {noun(len(unknown), 'field')} {short(sorted(map(str, unknown)))}; allowed: {sorted(VARIANT_FIELDS)}", "variants", "unknown-field")
            if not v.get("id") or not v.get("proposition"):
                raise record.error("each variant needs an 'id' and a 'proposition'")
            if str(v["id"]) in versions:
                raise record.error(f"variant {short(v['id'])} is listed twice", "variants")
            status, note = _record_status(record, v, f"variant {short(v['id'])}: ")
            versions[str(v["id"])] = Version(str(v["proposition"]), status, note)
        found[str(record.require("id"))] = Cluster(str(record.require("proposition")), None, None, versions)
    return found


def cluster_variants(corpus: Corpus) -> dict[str, dict[str, str]]:
    """cluster_id -> {variant_id: proposition}; empty when the cluster has one version (C9)."""
    return {c: {v: version.proposition for v, version in cluster.variants.items()} for c, cluster in catalogued_clusters(corpus).items()}


def build_claim_clusters(corpus: Corpus) -> list[dict]:
    """The cluster catalogue, with counts derived from the claims that use it."""
    claims, catalogue = build_claims(corpus), catalogued_clusters(corpus)
    rows = []
    for record in corpus.claim_clusters:
        cluster = str(record.require("id"))
        members = [c for c in claims if c["cluster_id"] == cluster]
        if not members:
            raise record.error(f"cluster {short(cluster)} is used by no claim", check="cluster-unused")
        entry = catalogue[cluster]
        unused = sorted(set(entry.variants) - {c["variant_id"] for c in members})
        if unused:
            raise record.error(f"{noun(len(unused), 'variant')} {short(unused)} of cluster {short(cluster)} {'is' if len(unused) == 1 else 'are'} used by no claim (C7)", check="variant-unused")
        rows.append(
            {
                "cluster_id": cluster,
                "proposition": entry.proposition,
                "variant_ids": list(entry.variants),
                "variant_propositions": [v.proposition for v in entry.variants.values()],
                "record_status": entry.record_status,
                "record_note": entry.record_note,
                "variant_record_statuses": [v.record_status for v in entry.variants.values()],
                "variant_record_notes": [v.record_note or "" for v in entry.variants.values()],
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
    catalogue = catalogued_clusters(corpus)
    variants = {c: cluster.variants for c, cluster in catalogue.items()}
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
                "record_status": catalogue[cluster].status_of(variant),
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
