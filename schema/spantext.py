"""Vectorised `text == article[start:end]` for millions of spans, on the Arrow buffers.

Offsets are Unicode code points (guideline G1) but Arrow stores UTF-8, so code points are
mapped to byte positions by an index built once per corpus (codepoints.py). Each span's article slice then becomes a zero-copy `string_view` into the
article bytes and Arrow compares it with the span's text: no Python loop per row, no copy of
an article per span, memory bounded by the article bytes plus 16 bytes per span.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.codepoints import code_point_index

_MAX_VIEW_BUFFER = (1 << 31) - 1  # string_view offsets are int32
_ROWS = 1 << 16  # rows per block when building views (small: the temporaries reuse their memory)


class ArticleTexts:
    """All article texts as one UTF-8 buffer, with code point <-> byte arithmetic."""

    def __init__(self, texts: pa.Array | pa.ChunkedArray):
        texts = texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts
        texts = texts.cast(pa.large_string())
        if texts.null_count:
            texts = pc.fill_null(texts, "")
        self.buffer = texts.buffers()[2] or pa.py_buffer(b"")
        offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)
        self.byte_starts = offsets[texts.offset : texts.offset + len(texts) + 1].copy()
        if len(self.byte_starts) and (self.byte_starts[0] != 0 or self.byte_starts[-1] != self.buffer.size):
            # a slice of a larger array (a frame's rows given directly) shares bytes outside its
            # texts, which the scans would read as text of no article (attack10): keep its own bytes
            self.buffer = self.buffer.slice(int(self.byte_starts[0]), int(self.byte_starts[-1] - self.byte_starts[0]))
            self.byte_starts -= self.byte_starts[0]
        self._index = code_point_index(self.data())
        self.cp_starts = self._index.to_code_points(self.byte_starts)
        self.lengths = np.diff(self.cp_starts)
        """Length of each article in code points, what Python's len(text) gives."""

    def byte_positions(self, article: np.ndarray, cps: np.ndarray) -> np.ndarray:
        """Byte position in `buffer` of code point `cps` of article number `article`."""
        global_cps = self.cp_starts[article]
        global_cps += cps
        return self._index.to_bytes(global_cps)

    def multibyte_starts(self) -> np.ndarray | None:
        """Byte positions of every multi-byte character, when the index keeps them (mostly-ASCII text)."""
        return self._index.multibyte_starts()

    def article_of(self, byte_positions: np.ndarray) -> np.ndarray:
        """Article number of each byte position (a position at an article's end belongs to the next)."""
        return np.searchsorted(self.byte_starts, byte_positions, side="right") - 1

    def code_points(self, byte_positions: np.ndarray) -> np.ndarray:
        """Global code point of each byte position (the inverse of `byte_positions`); subtract
        `cp_starts[article]` for the offset inside the article."""
        return self._index.to_code_points(np.asarray(byte_positions, dtype=np.int64))

    def data(self) -> np.ndarray:
        """The UTF-8 bytes of all articles, back to back (a zero-copy view)."""
        return np.frombuffer(self.buffer, dtype=np.uint8)

    def slices(self, article: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> pa.Array:
        """article[start:end] for every row, as string_view into the article bytes (no copy)."""
        first = self.byte_positions(article, starts)
        last = self.byte_positions(article, ends)
        return string_views(np.frombuffer(self.buffer, dtype=np.uint8), self.buffer, first, last - first)


def characters_at_bytes(texts: ArticleTexts, byte_positions: np.ndarray) -> pa.Array:
    """The one character whose first byte is at each position, as string_view (no copy)."""
    data = texts.data()
    lead = data[byte_positions]
    lengths = 1 + (lead >= 0xC0) + (lead >= 0xE0) + (lead >= 0xF0)
    return string_views(data, texts.buffer, byte_positions, np.minimum(lengths, len(data) - byte_positions))


def span_text_equal(
    texts: ArticleTexts, article: np.ndarray, starts: np.ndarray, ends: np.ndarray, span_texts: pa.Array
) -> np.ndarray:
    """Boolean per row: span text equals the article slice. Offsets must already be in range.

    Only the start is mapped to a byte: the slice equals the text exactly when the text has
    end - start code points and the article's bytes from the start's byte on are the text's
    bytes (UTF-8 decodes the same bytes to the same characters), so the view's length is the
    text's byte length (cut at the article's end: then it cannot be equal)."""
    if len(article) == 0:
        return np.zeros(0, dtype=bool)
    if isinstance(span_texts, pa.ChunkedArray):  # chunk by chunk: the texts are not copied into one array
        bounds = np.cumsum([0, *(len(chunk) for chunk in span_texts.chunks)])
        return np.concatenate([np.zeros(0, dtype=bool)] + [
            span_text_equal(texts, article[lo:hi], starts[lo:hi], ends[lo:hi], chunk)
            for lo, hi, chunk in zip(bounds[:-1], bounds[1:], span_texts.chunks)])
    span_texts = span_texts.cast(pa.large_string())  # a null text equals nothing (its length is null too)
    offsets = np.frombuffer(span_texts.buffers()[1], dtype=np.int64)[span_texts.offset : span_texts.offset + len(span_texts) + 1]
    first = texts.byte_positions(article, starts)
    width = texts.byte_starts[article + 1]  # the article's end byte, then the bytes left in it
    width -= first
    np.minimum(width, np.diff(offsets), out=width)
    expected = string_views(texts.data(), texts.buffer, first, width)
    same_length = pc.utf8_length(span_texts).to_numpy(zero_copy_only=False) == ends - starts
    return same_length & pc.fill_null(pc.equal(expected, span_texts.cast(pa.string_view())), False).to_numpy(zero_copy_only=False)


_INLINE_MASKS = np.array(
    [[int.from_bytes(bytes([0xFF] * min(max(n - 4 * k, 0), 4)).ljust(4, b"\0"), "little") for k in range(3)] for n in range(13)],
    dtype="<u4",
)
"""_INLINE_MASKS[n]: the three little-endian words that keep the first n of 12 bytes (zeroing the rest)."""
_INLINE_MASK_ITEMS = _INLINE_MASKS.view("V12").reshape(-1)
"""The same masks as one 12-byte item each: gathered like the text's 12-byte items (numpy copies a
whole item per row; a row gather of the (13, 3) table costs ten times more)."""


def string_views(data: np.ndarray, buffer: pa.Buffer, first: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """Arrow string_view array of data[first:first+length] (inline if <= 12 bytes, else a pointer).

    A view is four little-endian words: the length, then either the string's 12 bytes
    zero-padded (inline) or its first 4 bytes, the buffer index (0) and its offset. The 12 bytes
    after each start are gathered as one 12-byte item per row (not 12 gathers of one byte) and
    masked to the length by a table of word masks."""
    if len(data) > _MAX_VIEW_BUFFER:
        raise ValueError("article texts exceed 2 GiB in one table; split the corpus")
    n = len(first)
    views = np.zeros((n, 4), dtype="<u4")
    views[:, 0] = lengths
    full_rows = max(len(data) - 11, 0)  # starts with 12 bytes after them
    items = np.ndarray((full_rows,), dtype="V12", buffer=data, strides=(1,)) if full_rows else None
    near_end = np.flatnonzero(first >= full_rows)
    safe = np.minimum(first, max(full_rows - 1, 0))
    for begin in range(0, n if full_rows else 0, _ROWS):
        rows = slice(begin, begin + _ROWS)
        words = items[safe[rows]].view("<u4").reshape(-1, 3)
        views[rows, 1:4] = words & _INLINE_MASK_ITEMS[np.minimum(lengths[rows], 12)].view("<u4").reshape(-1, 3)
    for row in near_end.tolist():  # the last 11 bytes: fewer than 12 left to copy
        width = int(min(lengths[row], 12, len(data) - first[row]))
        tail = np.zeros(12, dtype=np.uint8)
        tail[:width] = data[first[row] : first[row] + width]
        views[row, 1:4] = tail.view("<u4")
    long = np.flatnonzero(lengths > 12)
    views[long, 2] = 0  # buffer index: the one data buffer
    views[long, 3] = first[long]
    return pa.Array.from_buffers(pa.string_view(), n, [None, pa.py_buffer(views), buffer])
