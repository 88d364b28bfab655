"""Is each span exactly one of a set of spans? One int64 key per span, one sort, one search.

Checks ask this of a few thousand spans against every mention (hundreds of thousands): a
lexicographic sort of (article, start, end) triples costs several times a sort of one integer
key, and numpy 2.4's `np.isin` hashes, which costs more than a sort on keys that come in runs.
"""

from __future__ import annotations

import numpy as np


def member(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """np.isin for int64 keys by one sort and a binary search (np.isin's hash table costs more here).
    Both sides are sorted stably: they come in runs (spans in text order, article by article),
    which timsort sorts several times faster than quicksort."""
    if len(keys) == 0:
        return np.zeros(len(values), bool)
    keys = np.sort(keys, kind="stable")
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    at = np.searchsorted(keys, ordered)
    np.minimum(at, len(keys) - 1, out=at)
    nearest = np.take(keys, at, out=at) if keys.dtype == at.dtype else keys[at]  # (in place: one array, not three)
    found = np.empty(len(values), bool)
    found[order] = nearest == ordered
    return found


def exact_spans(article: np.ndarray, start: np.ndarray, end: np.ndarray,
                span_article: np.ndarray, span_start: np.ndarray, span_end: np.ndarray) -> np.ndarray:
    """True for each (article, start, end) equal to some (span_article, span_start, span_end).

    A row with a negative article never matches (no usable article). Rows whose offsets fit a key
    (0 <= start <= end) are matched by key; the others (corrupt offsets) one by one, exactly."""
    found = np.zeros(len(article), bool)
    keyed = (article >= 0) & (start >= 0) & (end >= start)
    odd = np.flatnonzero((article >= 0) & ~keyed)
    if len(odd):  # only on corrupt offsets: every span as a tuple
        spans = set(zip(span_article.tolist(), span_start.tolist(), span_end.tolist()))
        found[odd] = [key in spans for key in zip(article[odd].tolist(), start[odd].tolist(), end[odd].tolist())]
    rows = slice(None) if keyed.all() else np.flatnonzero(keyed)  # (a slice copies nothing)
    article, start, end = article[rows], start[rows], end[rows]
    if not len(article):
        return found
    articles, longest, widest = int(article.max()), int(start.max()), int((end - start).max())
    usable = ((span_article >= 0) & (span_article <= articles) & (span_start >= 0) & (span_start <= longest)
              & (span_end >= span_start) & (span_end - span_start <= widest))
    s_article, s_start, s_end = span_article, span_start, span_end  # usually every span is usable: no copies
    if not usable.all():
        s_article, s_start, s_end = span_article[usable], span_start[usable], span_end[usable]
    if (articles + 1) * (longest + 1) * (widest + 1) >= 2**62:  # keys would overflow: compare row by row
        spans = set(zip(s_article.tolist(), s_start.tolist(), s_end.tolist()))
        found[rows] = [key in spans for key in zip(article.tolist(), start.tolist(), end.tolist())]
        return found

    def key(a, s, e):
        """(a * (longest + 1) + s) * (widest + 1) + (e - s), in one array (no temporary per step)."""
        out = np.multiply(a, longest + 1, dtype=np.int64)
        out += s
        out *= widest + 1
        out += e
        out -= s
        return out

    found[rows] = member(key(article, start, end), key(s_article, s_start, s_end))
    return found


def span_order(article: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """`np.lexsort((-end, start, article))` (spans by article, then start, the longest first, ties
    in row order) as one stable sort of one int64 key: a three-key lexsort of millions of spans
    costs several times that. Spans the key cannot hold (a negative value, end before start, a
    key past int64) are sorted by the lexsort itself."""
    if not len(article):
        return np.lexsort((-end, start, article))
    width = end - start
    articles, longest, widest = int(article.max()), int(start.max()), int(width.max())
    if int(article.min()) < 0 or int(start.min()) < 0 or int(width.min()) < 0 or (articles + 1) * (longest + 1) * (widest + 1) >= 2**62:
        return np.lexsort((-end, start, article))
    key = np.multiply(article, longest + 1, dtype=np.int64)  # (article * (longest + 1) + start) * (widest + 1) + widest - width
    key += start
    key *= widest + 1
    key += widest
    key -= width
    return np.argsort(key, kind="stable")
