"""C9: "`contradicted_by` lists the other-article claims of other variants": for every claim of
a cluster with variants, exactly the claims of that cluster in another article with another
variant (so the links are symmetric, and a claim with such a partner is `contradicted`, which
consistency-link-mismatch ties to a non-empty list). The other checks judged each claim's list
against its own label only: attack25 emptied a000's list and called it `corroborated` while
a002's claim still listed it, and validated [contradiction-links-incomplete]."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, frame_nulls, one_array, pairs_by_key, shared_codes
from landstrikes.schema.report import Report

_COLUMNS = ("claim_id", "article_id", "cluster_id", "variant_id", "contradicted_by")


def check_contradiction_links(tables, report: Report) -> None:
    claims = tables.get("claims")
    if claims is None or len(claims) == 0 or not all(c in claims for c in _COLUMNS):
        return
    n = len(claims)
    ids = one_array(arrow_column(tables, "claims", "claim_id", pa.string()))
    listed = one_array(arrow_column(tables, "claims", "contradicted_by", pa.list_(pa.string())))
    owners = pc.list_parent_indices(listed).to_numpy(zero_copy_only=False).astype(np.int64)
    targets = pc.fill_null(pc.index_in(pc.list_flatten(listed), value_set=ids), -1).to_numpy(zero_copy_only=False).astype(np.int64)
    known = targets >= 0  # a dangling id is contradiction-not-cross-article's finding
    have = np.unique(owners[known] * n + targets[known])
    want = _expected(claims, tables, n)
    missing, extra = np.setdiff1d(want, have), np.setdiff1d(have, want)
    for pair, why in [(p, "lacks") for p in missing] + [(p, "lists") for p in extra]:
        row, other = divmod(int(pair), n)
        report.add("claims", "contradiction-links-incomplete",
                   f"contradicted_by {why} {ids[other].as_py()}: it lists exactly the claims of its cluster in other "
                   "articles with another variant (C9)", ids[row].as_py(), "contradicted_by", ids[other].as_py())


def _expected(claims, tables, n: int) -> np.ndarray:
    """row * n + other for every pair of claims of one cluster, other articles, other variants."""
    given = np.flatnonzero(~(frame_nulls(claims, "cluster_id") | frame_nulls(claims, "variant_id") | frame_nulls(claims, "article_id")))
    if len(given) < 2:
        return np.zeros(0, dtype=np.int64)
    take = pa.array(given)
    cluster, variant, article = (shared_codes(one_array(arrow_column(tables, "claims", name, pa.string())).take(take))[0]
                                 for name in ("cluster_id", "variant_id", "article_id"))
    left, right = pairs_by_key(cluster, cluster)
    apart = (article[left] != article[right]) & (variant[left] != variant[right])
    return np.unique(given[left[apart]] * n + given[right[apart]])
