"""Code point <-> byte position arithmetic over UTF-8 text, in memory that does not depend on
how many characters are multi-byte.

Offsets in the corpus are Unicode code points (guideline G1); Arrow stores UTF-8. English news
has few multi-byte characters, so a table of them (`SparseIndex`, 16 bytes per multi-byte
character) answers in one binary search. Text full of them (Chinese, or the benchmark's astral
filler) would make that table many times larger than the text, so above one multi-byte
character in 16 bytes a `ChunkIndex` keeps only a count per 4 MB chunk and recounts the chunks
a query falls in. Both give the same answers (tested).
"""

from __future__ import annotations

import numpy as np

_SCAN = 1 << 20  # bytes per step of a full pass (small: its temporaries reuse the same memory)
_CHUNK = 1 << 22  # bytes per chunk of the chunk index
DENSE = 1 / 16
"""Multi-byte characters per byte above which the chunk index is used."""


def code_point_index(data: np.ndarray, dense: float = DENSE):
    """The index that suits `data`: sparse for mostly-ASCII text, chunked otherwise.

    One pass over the text: the multi-byte characters found while deciding become the sparse
    index; collecting stops (and the chunk index is built) once they are too many to keep."""
    leads, found_so_far = [], 0
    for begin in range(0, len(data), _SCAN):
        found = np.flatnonzero(data[begin : begin + _SCAN] >= 0xC0)
        found_so_far += len(found)
        if found_so_far > dense * len(data):
            return ChunkIndex(data)
        leads.append(found.astype(np.int64) + begin)
    return SparseIndex(data, leads)


def _is_char_start(block: np.ndarray) -> np.ndarray:
    """True at every byte that starts a character (every byte but 10xxxxxx continuations)."""
    return (block & 0xC0) != 0x80


class SparseIndex:
    """The position and code point of every multi-byte character's first byte."""

    def __init__(self, data: np.ndarray, leads: list[np.ndarray] | None = None):
        """`leads`: the multi-byte characters' first byte positions, if already found."""
        if leads is None:
            leads = [np.flatnonzero(data[b : b + _SCAN] >= 0xC0).astype(np.int64) + b for b in range(0, len(data), _SCAN)]
        self._leads = np.concatenate(leads) if leads else np.zeros(0, np.int64)
        lead_bytes = data[self._leads]
        extras = 1 + (lead_bytes >= 0xE0).astype(np.int8) + (lead_bytes >= 0xF0).astype(np.int8)
        # extra (non-first) bytes before each multi-byte character, and the total at the end
        self._extras_before = np.concatenate([[0], np.cumsum(extras, dtype=np.int64)])
        self._lead_cps = self._leads - self._extras_before[:-1]
        self._below_byte = BlockedSearch(self._leads, len(data))
        self._below_cp = BlockedSearch(self._lead_cps, len(data) - int(self._extras_before[-1]))

    def multibyte_starts(self) -> np.ndarray:
        """Byte position of every multi-byte character (what a scan for non-ASCII needs)."""
        return self._leads

    def to_bytes(self, cps: np.ndarray) -> np.ndarray:
        extras = self._below_cp.left(cps)
        if extras.ndim == 0:  # one code point
            return cps + self._extras_before[extras]
        np.take(self._extras_before, extras, out=extras)  # one array for the positions, the extras and the sum
        extras += cps
        return extras

    def to_code_points(self, positions: np.ndarray) -> np.ndarray:
        return positions - self._extras_before[self._below_byte.left(positions)]


class BlockedSearch:
    """`np.searchsorted(values, queries, side="left")` (how many values lie below each query) for
    a sorted array of integers in [0, limit], by a count of values per block of 64 integers: a
    query reads its block's count and steps over the few values inside its block. Over a text's
    multi-byte characters (~1 in 120 bytes of English news) a binary search was ~35 ns a
    query, most of it cache misses, on the 2.1 M offsets validate maps at 10^5 quote rows
    (valspeed19); the counts (4 or 8 bytes per 64 code points) are made on the first query of
    64 or more, so an index asked nothing costs nothing. A query outside [0, limit], and a
    few queries, take the binary search itself."""

    SHIFT = 6
    FEW = 64
    ROWS = 1 << 16
    """Queries answered at once: ~30 bytes of temporaries each (the binary search took 8)."""

    def __init__(self, values: np.ndarray, limit: int):
        self._values, self._limit = values, int(limit)
        self._first: np.ndarray | None = None

    def _blocks(self) -> np.ndarray:
        """first[k]: how many values lie below k * 64 (for k up to one past the limit's block)."""
        if self._first is None:  # (two threads may both make it: the same array, either kept)
            counts = np.bincount(self._values >> self.SHIFT, minlength=(self._limit >> self.SHIFT) + 1)
            dtype = np.int32 if len(self._values) < 2**31 else np.int64
            self._first = np.concatenate([[0], np.cumsum(counts)]).astype(dtype)
        return self._first

    def left(self, queries) -> np.ndarray:
        queries = np.asarray(queries)
        if queries.ndim == 0 or len(queries) < self.FEW or not len(self._values):
            return np.searchsorted(self._values, queries).astype(np.int64, copy=False)
        out = np.empty(len(queries), np.int64)
        for begin in range(0, len(queries), self.ROWS):  # bounded temporaries (4.4 M offsets at 10^6 quote rows)
            out[begin:begin + self.ROWS] = self._left(queries[begin:begin + self.ROWS].astype(np.int64, copy=False))
        return out

    def _left(self, queries: np.ndarray) -> np.ndarray:
        outside = np.flatnonzero((queries < 0) | (queries > self._limit))
        block = queries >> self.SHIFT
        if len(outside):
            block[outside] = 0
        first = self._blocks()
        found, end = first[block].astype(np.int64), first[block + 1]
        pending = np.flatnonzero(end > found)  # the queries whose block holds values: step over those below
        while len(pending):
            pending = pending[self._values[found[pending]] < queries[pending]]
            found[pending] += 1
            pending = pending[found[pending] < end[pending]]
        if len(outside):
            found[outside] = np.searchsorted(self._values, queries[outside])
        return found


class ChunkIndex:
    """Characters started before each 4 MB chunk; a query recounts only its own chunk."""

    def __init__(self, data: np.ndarray):
        self._data = data
        counts = [int(np.count_nonzero(_is_char_start(data[b : b + _CHUNK]))) for b in range(0, len(data), _CHUNK)]
        self._chunk_cps = np.concatenate([[0], np.cumsum(counts, dtype=np.int64)])
        """Code point at the start of each chunk; the last entry is the text's length."""

    def multibyte_starts(self) -> None:
        """Not kept: dense text has too many (scan the bytes instead)."""
        return None

    def to_bytes(self, cps: np.ndarray) -> np.ndarray:
        cps = np.asarray(cps, dtype=np.int64)
        chunk = np.searchsorted(self._chunk_cps, cps, side="right") - 1
        out = np.full(len(cps), len(self._data), dtype=np.int64)  # the text's end
        for k, rows in _by_chunk(chunk, len(self._chunk_cps) - 1):
            starts = np.flatnonzero(_is_char_start(self._data[k * _CHUNK : (k + 1) * _CHUNK]))
            out[rows] = k * _CHUNK + starts[cps[rows] - self._chunk_cps[k]]
        return out

    def to_code_points(self, positions: np.ndarray) -> np.ndarray:
        positions = np.asarray(positions, dtype=np.int64)
        chunk = positions // _CHUNK
        out = np.full(len(positions), self._chunk_cps[-1], dtype=np.int64)  # at the text's end
        for k, rows in _by_chunk(chunk, len(self._chunk_cps) - 1):
            started = np.cumsum(_is_char_start(self._data[k * _CHUNK : (k + 1) * _CHUNK]), dtype=np.int64)
            before = np.concatenate([[0], started])  # characters started before each offset
            out[rows] = self._chunk_cps[k] + before[positions[rows] - k * _CHUNK]
        return out


def _by_chunk(chunk: np.ndarray, n_chunks: int):
    """(chunk, row numbers) for every chunk some query falls in (queries past the end skipped)."""
    order = np.argsort(chunk, kind="stable")
    keys = chunk[order]
    bounds = np.flatnonzero(np.diff(keys)) + 1
    for rows in np.split(order, bounds):
        k = int(chunk[rows[0]]) if len(rows) else -1
        if 0 <= k < n_chunks:
            yield k, rows
