"""Looking ids up block by block of articles, where a whole-table hash lookup misses the cache.

At 10^6 quote rows `quotes.speaker_mention_id` is looked up among 4.4 million mention ids: one
hash table that size answers each probe from main memory (0.7-1.0 CPU-s, against 0.03 at 10^5).
A row almost always names an id of its own article, and both tables come in article order, so
the lookup is done per block of articles (a few tens of thousands of keys, a table that stays in
cache). Exact: with the keys proven distinct, a key found in the block is the only one; an id not
found there (another article's, or none) is looked up among all keys as before.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa

KEYS_PER_BLOCK = 1 << 15
"""Keys hashed at once: 32,768-65,536 were fastest at 10^6 (262,144 as slow as one table)."""

Lookup = Callable[[pa.Array, pa.Array], np.ndarray]


def in_order(groups: np.ndarray) -> bool:
    """The group numbers never decrease (rows come article by article, in one article order)."""
    return bool(len(groups) < 2 or (groups[1:] >= groups[:-1]).all())


def first_index_by_blocks(values: pa.Array, value_groups: np.ndarray, keys: pa.Array, key_groups: np.ndarray,
                          lookup: Lookup, keys_per_block: int | None = None) -> np.ndarray:
    """`lookup(values, keys)` (the row of the first equal key, -1 where none or null) for keys
    with no value twice, both sides in non-decreasing group order (`in_order`).

    Each block of keys (whole groups, about `keys_per_block` rows) is searched by the values of
    the same groups; what no block finds is searched among all keys."""
    keys_per_block = keys_per_block or KEYS_PER_BLOCK
    found = np.full(len(values), -1, np.int64)
    start = 0
    while start < len(keys):
        first_group = key_groups[start]
        last_group = key_groups[min(len(keys), start + keys_per_block) - 1]
        end = int(np.searchsorted(key_groups, last_group, "right"))  # the last group whole
        low = int(np.searchsorted(value_groups, first_group, "left"))
        high = int(np.searchsorted(value_groups, last_group, "right"))
        if high > low:
            local = lookup(values.slice(low, high - low), keys.slice(start, end - start))
            found[low:high] = np.where(local >= 0, local + start, -1)
        start = end
    missed = np.flatnonzero((found < 0) & ~values.is_null().to_numpy(zero_copy_only=False))
    if len(missed):  # an id of another article's block, or of none
        found[missed] = lookup(values.take(pa.array(missed, pa.int64())), keys)
    return found
