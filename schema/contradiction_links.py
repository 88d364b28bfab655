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

from landstrikes.schema import checkcorpus
from landstrikes.schema.checkcorpus import arrow_column, frame_nulls, one_array, pairs_by_key, same_key_pairs, shared_codes
from landstrikes.schema.report import NULL_ROW_ID, Report, counted

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
    missing, extra, many_rows, many_lacking = _differences(claims, tables, n, have)
    for pair, why in [(p, "lacks") for p in missing] + [(p, "lists") for p in extra]:
        row, other = divmod(int(pair), n)
        named = ids[other].as_py()
        report.add("claims", "contradiction-links-incomplete",
                   f"contradicted_by {why} {NULL_ROW_ID if named is None else named}: it lists exactly the claims of its cluster in other "
                   "articles with another variant (C9)", ids[row].as_py(), "contradicted_by", ids[other].as_py(),
                   value_of=f"the claim it {why}")
    for row, lacking in zip(many_rows.tolist(), many_lacking.tolist()):
        report.add("claims", "contradiction-links-incomplete",
                   f"contradicted_by lacks {counted(lacking, 'claim')} of its cluster in other articles with another variant: it lists "
                   f"exactly those claims (C9; past {MAX_LACKING} lacking, one line)", ids[row].as_py(), "contradicted_by", str(lacking),
                   value_of="claims lacking")


MAX_LACKING = 100
"""At most this many claims a list lacks are named one finding each; past it, the claim is one
finding naming how many (session 28, after attack30: a cluster of C claims in C articles, C
variants and empty lists was C x (C - 1) findings, listed as pairs first: 10^8 at C = 10^4)."""


def _one_line_each(missing: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`missing` (row * n + other, sorted) less the pairs of rows lacking more than MAX_LACKING,
    and those rows with how many they lack."""
    rows, lacking = np.unique(missing // n, return_counts=True)
    many = lacking > MAX_LACKING
    if not many.any():
        return missing, np.zeros(0, np.int64), np.zeros(0, np.int64)
    return missing[~np.isin(missing // n, rows[many])], rows[many], lacking[many]


def _differences(claims, tables, n: int, have: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(want - have, have - want, rows lacking more than MAX_LACKING, how many each lacks), the
    first two sorted and without the third's rows' pairs, where want is `_expected`. Past 8 same-cluster
    pairs per claim (or `DIRECT_PAIRS`), want is not listed (attack30: one cluster of 10^5 claims
    is 10^10 pairs, and none is wanted when they share an article): each listed link is tested
    on its own, each claim's wanted count is counted by groups (cluster, less its article's and
    its variant's claims, plus those of both), and only a claim listing fewer has its wanted
    partners listed to name the missing ones."""
    given, cluster, variant, article = _given(claims, tables)
    if len(given) < 2:
        return np.zeros(0, np.int64), have, np.zeros(0, np.int64), np.zeros(0, np.int64)
    if same_key_pairs(cluster, cluster) <= max(checkcorpus.DIRECT_PAIRS, 8 * len(given)):
        want = _expected(given, cluster, variant, article, n)
        missing, many_rows, many_lacking = _one_line_each(np.setdiff1d(want, have), n)
        return missing, np.setdiff1d(have, want), many_rows, many_lacking
    at = np.full(n, -1, np.int64)  # a row's place among the given rows
    at[given] = np.arange(len(given))
    owner, other = at[have // n], at[have % n]
    wanted = (owner >= 0) & (other >= 0)
    o, t = np.maximum(owner, 0), np.maximum(other, 0)
    wanted &= (cluster[o] == cluster[t]) & (article[o] != article[t]) & (variant[o] != variant[t])
    counts = (_group_sizes(cluster) - _group_sizes(cluster, article) - _group_sizes(cluster, variant)
              + _group_sizes(cluster, article, variant))
    lacking = counts - np.bincount(owner[wanted], minlength=len(given))  # the links are distinct (np.unique)
    short, many = np.flatnonzero((lacking > 0) & (lacking <= MAX_LACKING)), np.flatnonzero(lacking > MAX_LACKING)
    missing = _wanted_of(short, given, cluster, variant, article, n)
    return missing[~np.isin(missing, have[wanted])], have[~wanted], given[many], lacking[many]


def _given(claims, tables):
    """The rows with a cluster, a variant and an article, and the codes of those three."""
    given = np.flatnonzero(~(frame_nulls(claims, "cluster_id") | frame_nulls(claims, "variant_id") | frame_nulls(claims, "article_id")))
    if len(given) < 2:
        return given, None, None, None
    take = pa.array(given)
    cluster, variant, article = (shared_codes(one_array(arrow_column(tables, "claims", name, pa.string())).take(take))[0]
                                 for name in ("cluster_id", "variant_id", "article_id"))
    return given, cluster, variant, article


def _expected(given, cluster, variant, article, n: int) -> np.ndarray:
    """row * n + other for every pair of claims of one cluster, other articles, other variants."""
    left, right = pairs_by_key(cluster, cluster)
    apart = (article[left] != article[right]) & (variant[left] != variant[right])
    return np.unique(given[left[apart]] * n + given[right[apart]])


def _group_sizes(*keys: np.ndarray) -> np.ndarray:
    """For each element, how many elements share all its keys."""
    order = np.lexsort(keys[::-1])
    new = np.zeros(len(order), dtype=bool)
    new[:1] = True
    for key in keys:
        new[1:] |= key[order][1:] != key[order][:-1]
    group = np.cumsum(new) - 1
    sizes = np.bincount(group)
    out = np.empty(len(order), np.int64)
    out[order] = sizes[group]
    return out


def _wanted_of(rows: np.ndarray, given, cluster, variant, article, n: int, batch: int = 1 << 22) -> np.ndarray:
    """row * n + other, sorted, for every wanted pair of the given rows at `rows`: their cluster's
    claims outside their article (two runs in cluster-then-article order), of another variant;
    listed a batch of rows at a time."""
    if not len(rows):
        return np.zeros(0, np.int64)
    order = np.lexsort((article, cluster))
    keys_c, keys_a = cluster[order], article[order]
    c_lo = np.searchsorted(keys_c, cluster[rows], "left")
    c_hi = np.searchsorted(keys_c, cluster[rows], "right")
    bounds = np.flatnonzero(np.r_[True, (keys_c[1:] != keys_c[:-1]) | (keys_a[1:] != keys_a[:-1])])
    pair_lo = np.empty(len(order), np.int64)  # each sorted position's (cluster, article) run
    pair_hi = np.empty(len(order), np.int64)
    ends = np.r_[bounds[1:], len(order)]
    run = np.repeat(np.arange(len(bounds)), ends - bounds)
    pair_lo[:], pair_hi[:] = bounds[run], ends[run]
    place = np.empty(len(order), np.int64)
    place[order] = np.arange(len(order))
    a_lo, a_hi = pair_lo[place[rows]], pair_hi[place[rows]]
    found = []
    reach = np.cumsum((a_lo - c_lo) + (c_hi - a_hi))
    start = 0
    while start < len(rows):
        done = int(reach[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(reach, done + batch, "right")))
        for lo, hi in ((c_lo, a_lo), (a_hi, c_hi)):
            count = hi[start:stop] - lo[start:stop]
            total = int(count.sum())
            if not total:
                continue
            owner = np.repeat(rows[start:stop], count)
            pos = np.repeat(lo[start:stop], count) + np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
            partner = order[pos]
            keep = variant[partner] != variant[owner]
            found.append(given[owner[keep]] * n + given[partner[keep]])
        start = stop
    return np.sort(np.concatenate(found)) if found else np.zeros(0, np.int64)
