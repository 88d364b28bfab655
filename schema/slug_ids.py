"""Catalogue ids are slugs (attack14). `entities.entity_id` had E3's form (lowercase ASCII
letters and digits joined by single hyphens); the other readable ids did not: a stance target, a
claim cluster, a variant or a quote cluster renamed consistently to `Foreign-Intervention`,
`foreign-intervention ` (a trailing space), `c-us\\tdrug-deaths`, `q-cartels\\nrunning` or with a
zero-width space validated, and so did a second stance target whose id differs from the first only
in case. An id that differs from another only in case or whitespace is not an id a reader can
tell apart, so each of these ids must have the slug form, as entity ids do:

- `stance_targets.target_id` (S1) and every item of `claim_clusters.variant_ids` (C9): a slug
  (`stances.target_id` and `claims.variant_id` must name one of them: dangling-foreign-key,
  variant-not-in-cluster);
- `claim_clusters.cluster_id` (C7): a slug, or (a cluster the extractor made of one claim) the
  id of a claim, `<article_id>:c:<start>-<end>` (`claims.cluster_id` must name one); that it is
  the id of a claim of the cluster is `check_claim_named_clusters`' (review14: any text before
  `:c:0-1`, capitals and spaces included, passed as a claim's id);
- `quotes.cluster_id` (Q12): a slug, or the quote's own id (a quote of its own cluster).

Row-local, so `validate --engine` judges each partition alone (except `cluster-not-its-claim`,
which needs every claim: corpus-wide). An item starting with `__` is
reserved-key-in-value's finding, not this one's.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""E3's form of an id (schema/entities.py states the same pattern for entity_id)."""
CLAIM_ID = r"(?s)^.+:c:(0|[1-9][0-9]*)-(0|[1-9][0-9]*)$"
"""The form of a claim's id: the article id, `:c:`, its offsets."""


def _matches(values: pa.Array, pattern: str) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(values.cast(pa.large_string()), pattern), True)


def _report(report: Report, table: str, rows_table: pa.Table, col: str, rows: np.ndarray, what: str) -> None:
    for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, col, rows)):
        report.add(table, "id-not-slug", f"{col} must be {what}: lowercase ASCII letters and digits joined by single "
                   "hyphens, so no two ids differ only in case or spaces", row_id, col, value)


def check_slug_ids(tables, report: Report) -> None:
    targets = arrow_of(tables, "stance_targets", ("target_id",))
    if targets is not None and pa.types.is_string(targets.schema.field("target_id").type):
        rows = failing_rows(pc.invert(_matches(column(targets, "target_id"), SLUG)))
        _report(report, "stance_targets", targets, "target_id", rows, "a slug (S1)")
    clusters = arrow_of(tables, "claim_clusters", ("variant_ids",))
    if clusters is not None:
        ids = column(clusters, "cluster_id")
        if pa.types.is_string(ids.type):
            ok = pc.or_(_matches(ids, SLUG), _matches(ids, CLAIM_ID))
            _report(report, "claim_clusters", clusters, "cluster_id", failing_rows(pc.invert(ok)),
                    "a slug (C7), or the id of the one claim it holds")
        variants = column(clusters, "variant_ids")
        if pa.types.is_list(variants.type) and pa.types.is_string(variants.type.value_type) and len(variants):
            items = pc.list_flatten(variants)
            bad = pc.and_(pc.invert(_matches(items, SLUG)), pc.invert(pc.fill_null(pc.starts_with(items, "__"), False)))
            parents = pc.list_parent_indices(variants).to_numpy(zero_copy_only=False)
            rows = np.unique(parents[failing_rows(bad)])
            _report(report, "claim_clusters", clusters, "variant_ids", rows, "a list of slugs (C9)")
    quotes = arrow_of(tables, "quotes", ("cluster_id",))
    if quotes is not None:
        ids, own = column(quotes, "cluster_id"), column(quotes, "quote_id")
        if pa.types.is_string(ids.type) and ids.type == own.type:
            ok = pc.or_(_matches(ids, SLUG), pc.fill_null(pc.equal(ids, own), False))
            _report(report, "quotes", quotes, "cluster_id", failing_rows(pc.invert(ok)),
                    "a slug (Q12), or the quote's own id")


def check_claim_named_clusters(tables, report: Report) -> None:
    """`cluster-not-its-claim`: a claim cluster whose id has a claim's form (and is no slug) is the
    cluster of the claim of that id, as the extractor names a one-claim cluster. The form alone let
    `C-US Drug Deaths:c:0-1` stand for a renamed cluster. Needs every claim, so corpus-wide under
    `--engine` (engines/validate.py runs it on the whole tables)."""
    clusters = arrow_of(tables, "claim_clusters", ())
    claims = arrow_of(tables, "claims", ("cluster_id",))
    if clusters is None or claims is None:
        return
    ids, claim_ids, claim_clusters = column(clusters, "cluster_id"), column(claims, "claim_id"), column(claims, "cluster_id")
    if not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type) for a in (ids, claim_ids, claim_clusters)):
        return  # a structural finding already (the engine's driver reads frames: large strings)
    ids, claim_ids, claim_clusters = (a.cast(pa.large_string()) for a in (ids, claim_ids, claim_clusters))
    named = pc.and_(pc.invert(_matches(ids, SLUG)), pc.fill_null(pc.match_substring_regex(ids, CLAIM_ID), False))
    if not pc.any(named).as_py():
        return
    own = pc.filter(claim_ids, pc.fill_null(pc.equal(claim_ids, claim_clusters), False))
    rows = failing_rows(pc.and_(named, pc.invert(pc.is_in(ids, value_set=own))))
    for row_id in ids_at(clusters, "claim_clusters", rows):
        report.add("claim_clusters", "cluster-not-its-claim", "cluster_id has a claim's form but no claim of that id "
                   "is in the cluster: a cluster is named by a slug, or by its one claim's id", row_id, "cluster_id", row_id)
