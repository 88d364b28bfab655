"""The pairs of a left and a right span of one article that stand in a given relation (inside,
holding, overlapping, starting in), found without forming every pair of the article.

`checkcorpus.same_article_span_pairs` listed every (left, right) pair sharing an article and let
its caller keep the few in relation: one article of 10^5 claims and 4.5*10^4 quality flags was
4.5*10^9 pairs, 36 GB per index array (attack30: one article grown 300-fold took 23 s and 5.6 GB,
1000-fold ran out of memory). Here each relation is two one-sided conditions on the right span,
`rs (<=|<|>=) a` and `re (>=|>|<=) b` with a, b the left span's ends: the first picks a run of
the article's rights sorted by start, the second a threshold on their ends. A merge-sort tree
over that order (each level's blocks sorted by end, one level at a time) reports the rights of a
run past a threshold in O(log m) blocks per left, so the cost is O((n + m) log^2 m + k) for k
pairs kept, whatever the article's size. Only the pairs kept are returned, in the order the
full listing had them (left ascending, right ascending).
"""

from __future__ import annotations

import numpy as np

RELATIONS = ("inside", "holds", "overlap", "starts_in")
"""inside: the left span lies in the right one (rs <= ls, le <= re); holds: the right span lies in
the left one (ls <= rs, re <= le); overlap: they share a code point (rs < le, ls < re); starts_in:
the left span starts in the right one (rs <= ls < re)."""

# relation -> (start side: which rights by start, left column compared; end test, left column compared)
_START = {"inside": ("le", 0), "holds": ("ge", 0), "overlap": ("lt", 1), "starts_in": ("le", 0)}
_END = {"inside": ("ge", 1), "holds": ("le", 1), "overlap": ("gt", 0), "starts_in": ("gt", 0)}


def related(relation: str, ls, le, rs, re) -> np.ndarray:
    """The relation on paired spans, element by element (the plain definition)."""
    if relation == "inside":
        return (rs <= ls) & (le <= re)
    if relation == "holds":
        return (ls <= rs) & (re <= le)
    if relation == "overlap":
        return (rs < le) & (ls < re)
    if relation == "starts_in":
        return (rs <= ls) & (ls < re)
    raise ValueError(relation)


def related_pairs(relation: str, left_key: np.ndarray, left_start: np.ndarray, left_end: np.ndarray,
                  right_key: np.ndarray, right_start: np.ndarray, right_end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with left_key[i] == right_key[j] (non-negative integer keys: the article)
    and the relation between left span i and right span j; i ascending, j ascending within i."""
    left_key, right_key = np.asarray(left_key, np.int64), np.asarray(right_key, np.int64)
    if not len(left_key) or not len(right_key):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order, rank, lo, hi, threshold = _runs(relation, left_key, left_start, left_end, right_key, right_start, right_end)
    ends_count = int(rank.max(initial=0)) + 1
    li, pos = _above_in_runs(rank, np.int64(ends_count + 1), lo, hi, threshold)
    ri = order[pos]
    keep = np.lexsort((ri, li))
    return li[keep], ri[keep]


def _runs(relation, left_key, left_start, left_end, right_key, right_start, right_end):
    """The rights by (article, start) (`order`), each one's end rank (reversed for an upper bound
    on ends) and, for each left, the run [lo, hi) of that order its start test picks and the
    least end rank its end test keeps."""
    rs, re = np.asarray(right_start, np.int64), np.asarray(right_end, np.int64)
    ls, le = np.asarray(left_start, np.int64), np.asarray(left_end, np.int64)
    left_side = (ls, le)
    # the rights by (article, start); starts and ends as dense ranks, so that keys never overflow
    starts = np.unique(rs)
    ends = np.unique(re)
    width = np.int64(len(starts) + 1)
    order = np.lexsort((rs, right_key))
    sorted_keys = right_key[order] * width + np.searchsorted(starts, rs[order])
    start_op, start_col = _START[relation]
    a = left_side[start_col]
    base = left_key * width
    if start_op == "le":
        lo = np.searchsorted(sorted_keys, base, "left")
        hi = np.searchsorted(sorted_keys, base + np.searchsorted(starts, a, "right"), "left")
    elif start_op == "lt":
        lo = np.searchsorted(sorted_keys, base, "left")
        hi = np.searchsorted(sorted_keys, base + np.searchsorted(starts, a, "left"), "left")
    else:  # ge
        lo = np.searchsorted(sorted_keys, base + np.searchsorted(starts, a, "left"), "left")
        hi = np.searchsorted(sorted_keys, base + width, "left")
    # the end test as `rank >= threshold` on ranks of the rights' ends (reversed for <=)
    end_op, end_col = _END[relation]
    b = left_side[end_col]
    rank = np.searchsorted(ends, re[order])
    if end_op == "ge":
        threshold = np.searchsorted(ends, b, "left")
    elif end_op == "gt":
        threshold = np.searchsorted(ends, b, "right")
    else:  # le: re <= b  <=>  (U - 1 - rank) >= U - searchsorted(b, right)
        rank = len(ends) - 1 - rank
        threshold = len(ends) - np.searchsorted(ends, b, "right")
    return order, rank.astype(np.int64), lo, hi, threshold.astype(np.int64)


def related_pick(relation: str, pick: str, left_key: np.ndarray, left_start: np.ndarray, left_end: np.ndarray,
                 right_key: np.ndarray, right_start: np.ndarray, right_end: np.ndarray) -> np.ndarray:
    """For each left span, the least (`pick` "first") or greatest ("last") j that `related_pairs`
    pairs it with, -1 for none, or how many it pairs it with ("count"): what a rule that keeps one partner per row, or asks whether there
    is one, reads of the pairs, without listing them (nested spans of one article pair every
    left with every right: 3,000 claims and 3,000 flags were 9*10^6 pairs and 20 s; attack30).
    Each tree block also keeps, along its end order, the least or greatest index from there on."""
    left_key, right_key = np.asarray(left_key, np.int64), np.asarray(right_key, np.int64)
    best = np.full(len(left_key), -1, np.int64)
    if not len(left_key) or not len(right_key):
        return np.zeros(len(left_key), np.int64) if pick == "count" else best
    order, rank, lo, hi, threshold = _runs(relation, left_key, left_start, left_end, right_key, right_start, right_end)
    m = len(rank)
    found = np.full(len(lo), m if pick == "first" else (0 if pick == "count" else -1), np.int64)
    tail, tail_of = None, None
    for perm, block, q, first, last in _tree_nodes(rank, np.int64(int(rank.max(initial=0)) + 2), lo, hi, threshold):
        if pick == "count":
            np.add.at(found, q, np.maximum(last - first, 0))
            continue
        if tail_of is not perm:  # one running extreme per tree level, shared by its two sides
            tail, tail_of = _block_tails(order[perm], block, m, pick), perm
        inside = first < last
        (np.minimum if pick == "first" else np.maximum).at(found, q[inside], tail[first[inside]])
    if pick == "count":
        return found
    hit = (found >= 0) & (found < m)
    best[hit] = found[hit]
    return best


def _block_tails(values: np.ndarray, block: np.ndarray, m: int, pick: str) -> np.ndarray:
    """For each position of blocks laid end to end (block ascending), the least or greatest of
    `values` (in [0, m)) from there to its block's end: one running extreme over the reversed
    array, each block lifted past the ones after it so that none reaches into another."""
    reverse = values[::-1]
    lift = (block[::-1].max(initial=0) - block[::-1]) * np.int64(m + 1)  # grows along the reversed array
    if pick == "first":
        return (np.minimum.accumulate(reverse - lift) + lift)[::-1]
    return (np.maximum.accumulate(reverse + lift) - lift)[::-1]


def _tree_nodes(rank: np.ndarray, span: np.int64, lo: np.ndarray, hi: np.ndarray, threshold: np.ndarray):
    """The iterative segment-tree decomposition of each query's run [lo, hi), one tree level at a
    time: per level and side, (the level's order of positions: block, then rank; each sorted
    position's block; the queries q meeting a node there; for each, the first and end sorted
    position of that node's ranks >= threshold[q]). What `related_pick` and `_above_in_runs` both
    walk."""
    m = len(rank)
    positions = np.arange(m, dtype=np.int64)
    query = np.arange(len(lo), dtype=np.int64)
    lo, hi = lo.astype(np.int64).copy(), hi.astype(np.int64).copy()
    level = 0
    while len(query):
        live = lo < hi
        query, lo, hi, threshold = query[live], lo[live], hi[live], threshold[live]
        if not len(query):
            break
        block = positions >> level
        perm = np.lexsort((rank, block))
        keys = block[perm] * span + rank[perm]
        left_take, right_take = (lo & 1) == 1, (hi & 1) == 1
        hi = np.where(right_take, hi - 1, hi)
        for mask, nodes in ((left_take, lo), (right_take, hi)):
            if mask.any():
                q, j, t = query[mask], nodes[mask], threshold[mask]
                yield perm, block[perm], q, np.searchsorted(keys, j * span + t, "left"), np.minimum((j + 1) << level, m)
        lo = np.where(left_take, lo + 1, lo) >> 1
        hi = hi >> 1
        level += 1


def _above_in_runs(rank: np.ndarray, span: np.int64, lo: np.ndarray, hi: np.ndarray,
                   threshold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (query q, position p) with lo[q] <= p < hi[q] and rank[p] >= threshold[q]."""
    out_q, out_p = [], []
    for perm, _, q, first, last in _tree_nodes(rank, span, lo, hi, threshold):
        count = np.maximum(last - first, 0)
        total = int(count.sum())
        if total:
            offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
            out_q.append(np.repeat(q, count))
            out_p.append(perm[np.repeat(first, count) + offsets])
    if not out_q:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_q), np.concatenate(out_p)
