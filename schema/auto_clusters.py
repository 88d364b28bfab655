"""The extractor leaves cross-article clustering to review (Q12, C7 2.24; docs/extraction.md: "cross-
article clusters ... are left ... default (singleton clusters) for review"): each quote it writes
is its own cluster, named by its own id, with `cluster_similarity` 1.0, and each claim is its own
cluster, named by its own id. A row marked `auto` whose cluster is another is no longer what the
extractor wrote. attack36: on the extractor's output for dataset/raw, a quote's cluster renamed to
a slug, a claim's cluster renamed to a slug (claims and claim_clusters together) and two claims of
two articles merged into one cluster (counts and consistency recomputed) each validated
[auto-cluster-not-its-own]. A quote cluster named by ANOTHER quote's id is `id-not-slug`'s
finding (a cluster is named by a slug or by its one quote's id), and a quote of its own cluster
scored below 1.0 `cluster-similarity-mismatch`'s (it is its cluster's reference), so neither is this
one's.

Row-local (a row's cluster against its own id), so `validate --engine` judges each partition
alone. Arrow only; Python names the failing rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report
from landstrikes.schema.slug_ids import SLUG

CHECK = "auto-cluster-not-its-own"


def _strings(values: pa.Array) -> pa.Array | None:
    return values.cast(pa.large_string()) if pa.types.is_string(values.type) or pa.types.is_large_string(values.type) else None


def _numpy(mask) -> np.ndarray:
    return pc.fill_null(mask, False).to_numpy(zero_copy_only=False)


def check_auto_clusters(tables, report: Report) -> None:
    for table, own_column in (("quotes", "quote_id"), ("claims", "claim_id")):
        rows_table = arrow_of(tables, table, ("cluster_id", "source"))
        if rows_table is None or not rows_table.num_rows:
            continue
        own, cluster, source = (_strings(column(rows_table, name)) for name in (own_column, "cluster_id", "source"))
        if own is None or cluster is None or source is None:
            continue
        auto = _numpy(pc.equal(source, "auto"))
        if not auto.any():
            continue
        other = _numpy(pc.not_equal(cluster, own))
        if table == "quotes":
            other &= _numpy(pc.match_substring_regex(cluster, SLUG))  # another quote's id: id-not-slug's
        rows = np.flatnonzero(auto & other)
        for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, "cluster_id", rows)):
            report.add(table, CHECK, f"the extractor makes each {table[:-1]} its own cluster, named by its own id (Q12, C7): "
                       "this row's cluster is another", row_id, "cluster_id", value)
