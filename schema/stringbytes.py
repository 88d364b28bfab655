"""Two questions about every value of an Arrow string column, answered from its UTF-8 bytes.

`pc.match_substring(values, "\\n")` and `pc.match_substring_regex(values, "[.!?]$")` read each
value on its own, through a kernel call per string; here the answer comes from one numpy pass
over the column's offsets (and, for the line feed, one over its data buffer). Exact because
UTF-8 is self-synchronising: an ASCII byte is only ever that character, and a value's last
character ends at its last byte. The same answers as the kernels
(the definitions, kept beside each function for the tests), False for a null; a column of
another layout (a string view, a dictionary) is asked of the kernel itself.

valspeed19: the two kernels cost ~0.07 thread CPU-s of validate at 10^5 quote rows (446,660
mention texts among them); these ~0.02. (`pc.starts_with` is as fast as numpy's first-byte
gather: left as it is.)
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.utf8 import chars_before


def holds_ascii(values: pa.Array | pa.ChunkedArray, character: str) -> np.ndarray:
    """Per value: it holds `character` (one ASCII character), as `pc.match_substring`; nulls False."""
    byte = _ascii_byte(character)

    def one(chunk: pa.Array) -> np.ndarray:
        layout = _layout(chunk)
        if layout is None:
            return _kernel_holds(chunk, character)
        offsets, data = layout
        hits = np.flatnonzero(data[offsets[0]:offsets[-1]] == byte) + offsets[0]
        found = np.zeros(len(chunk), bool)
        found[np.searchsorted(offsets, hits, side="right") - 1] = True
        return found & _valid(chunk)

    return _per_chunk(values, one)


def ends_with_one_of(values: pa.Array | pa.ChunkedArray, characters: str) -> np.ndarray:
    """Per value: its last character is one of `characters`, as `pc.match_substring_regex(values,
    "[" + re.escape(characters) + "]$")` (RE2's `$` is the end of the text); nulls and "" False."""
    wanted = np.array(sorted({ord(c) for c in characters}), dtype=np.int64)

    def one(chunk: pa.Array) -> np.ndarray:
        layout = _layout(chunk)
        if layout is None:
            return _kernel_ends(chunk, characters)
        offsets, data = layout
        ends = offsets[1:]
        some = np.flatnonzero((ends > offsets[:-1]) & _valid(chunk))
        found = np.zeros(len(chunk), bool)
        found[some] = np.isin(chars_before(data, ends[some]), wanted)
        return found

    return _per_chunk(values, one)


def _kernel_holds(values, character: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring(values, character), False).to_numpy(zero_copy_only=False)


def _kernel_ends(values, characters: str) -> np.ndarray:
    import re

    found = pc.match_substring_regex(values, "[" + re.escape(characters) + "]$")
    return pc.fill_null(found, False).to_numpy(zero_copy_only=False)


def _ascii_byte(character: str) -> int:
    if len(character) != 1 or ord(character) >= 0x80:
        raise ValueError(f"one ASCII character expected, not {character!r}")
    return ord(character)


def _per_chunk(values: pa.Array | pa.ChunkedArray, one) -> np.ndarray:
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    return np.concatenate([np.zeros(0, bool)] + [one(chunk) for chunk in chunks])


def _layout(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """The value offsets (int64, len + 1) and the data bytes of a plain string array, else None."""
    kind = chunk.type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return None
    wide = pa.types.is_large_string(kind)
    offsets = np.frombuffer(chunk.buffers()[1], np.int64 if wide else np.int32, count=len(chunk) + 1,
                            offset=chunk.offset * (8 if wide else 4))
    buffer = chunk.buffers()[2]
    data = np.frombuffer(buffer, np.uint8) if buffer is not None else np.zeros(0, np.uint8)
    return offsets, data


def _valid(chunk: pa.Array) -> np.ndarray:
    if not chunk.null_count:
        return np.ones(len(chunk), bool)
    return chunk.is_valid().to_numpy(zero_copy_only=False)
