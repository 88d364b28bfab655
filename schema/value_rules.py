"""Rules on single values that no column check stated (attack3 found each one VALID; the claims' reversed
quantity range, found with them, is in claims_checks.py):

- `control-character-in-value`: a value that is not a copy of the raw text holds a character the
  annotation sources cannot hold (YAML refuses C0/C1 controls other than tab and line breaks, DEL,
  U+FFFE/U+FFFF), and names and aliases hold no tab or line break at all: a NUL in a proposition
  or a tab in an entity name is a corrupt value, not an annotation.
- `duplicate-list-item`: a list column that is a set (aliases, speakers, links, variants, flags)
  names one item twice.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.controls import UNWRITABLE_RANGES
from landstrikes.schema.goldchecks import annotation_strings, row_id, row_numbers
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report

_UNWRITABLE = UNWRITABLE_RANGES
"""What a YAML source cannot hold (outside its printable set; `controls`, shared with the extractor)."""
_NAME_BREAKS = ((0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0xFFFE, 0xFFFF))
"""Names are one line of words: no control character at all, no line or paragraph separator."""


def _classes(ranges) -> tuple[str, re.Pattern]:
    """One character class as RE2 (for Arrow's kernel) and as Python's `re` (to name the character)."""
    re2 = "".join(f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges)
    return f"[{re2}]", re.compile("[" + "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges) + "]")


def lead_bytes(ranges) -> np.ndarray:
    """The first UTF-8 byte of every character in `ranges` (a 256-entry mask): a value can hold a
    character of the class only if it holds one of these bytes, since in UTF-8 a byte below 0x80
    is always a whole character and a lead byte (0xC2-0xF4) never occurs inside another."""
    table = np.zeros(256, dtype=bool)
    for lo, hi in ranges:
        table[[chr(c).encode()[0] for c in range(lo, hi + 1)]] = True
    return table


UNWRITABLE, _UNWRITABLE_RE = _classes(_UNWRITABLE)
NAME_BREAKS, _NAME_BREAKS_RE = _classes(_NAME_BREAKS)
_UNWRITABLE_LEADS, _NAME_BREAKS_LEADS = lead_bytes(_UNWRITABLE), lead_bytes(_NAME_BREAKS)
_BLOCK = 1 << 20  # bytes looked up at once: the mask's memory is reused block after block
NAME_COLUMNS = {("entities", "name"), ("entities", "aliases")}
SET_COLUMNS = {
    ("entities", "aliases"), ("quotes", "speaker_ids"), ("claims", "contradicted_by"),
    ("claim_clusters", "variant_ids"), ("articles", "quality_flags"),
}
"""List columns whose items are distinct by definition (the parallel variant_* lists are not)."""


def _values(tables, name: str, col) -> tuple[pa.Array, np.ndarray]:
    """The column's values (list items flattened) and the row each came from."""
    values = arrow_column(tables, name, col.name, col.arrow_type)
    lists = values if col.type == "string_list" else None
    values = pc.list_flatten(lists) if lists is not None else values
    return values, row_numbers(values, lists)


def check_control_characters(tables: dict, report: Report) -> None:
    for name, df, spec, col, values, lists in annotation_strings(tables):
        names = (name, col.name) in NAME_COLUMNS
        pattern, finder = (NAME_BREAKS, _NAME_BREAKS_RE) if names else (UNWRITABLE, _UNWRITABLE_RE)
        hit = matching_values(values, pattern, _NAME_BREAKS_LEADS if names else _UNWRITABLE_LEADS)
        if not hit.any():
            continue
        for row, value in zip(row_numbers(values, lists)[hit], values.filter(pa.array(hit)).to_pylist()):
            bad = finder.search(value).group()
            report.add(name, "control-character-in-value",
                       f"{col.name} holds the control character U+{ord(bad):04X} (not a copy of the text; no source can hold it)",
                       str(row_id(df, spec, row)), col.name, value, value_of="an item" if lists is not None else "")


def matching_values(values: pa.Array | pa.ChunkedArray, pattern: str, leads: np.ndarray) -> np.ndarray:
    """`match_substring_regex(values, pattern)` (nulls False) as a numpy mask, with the regex run
    only on the values that hold one of `leads` (`lead_bytes` of the pattern's class): the bytes
    are looked at by numpy (a min and a max settle an all-ASCII column), the regex decides."""
    candidates = candidate_values(values, leads)
    hit = np.zeros(len(values), dtype=bool)
    if len(candidates):
        chosen = values.take(pa.array(candidates)).cast(pa.large_string())
        hit[candidates] = pc.fill_null(pc.match_substring_regex(chosen, pattern), False).to_numpy(zero_copy_only=False)
    return hit


def candidate_values(values: pa.Array | pa.ChunkedArray, leads: np.ndarray) -> np.ndarray:
    """Indices (ascending) of the values whose bytes include one of `leads`; every value when the
    layout is not plain offsets + data (e.g. string_view)."""
    found, base = [], 0
    for chunk in values.chunks if isinstance(values, pa.ChunkedArray) else [values]:
        found.append(base + _chunk_candidates(chunk, leads))
        base += len(chunk)
    return np.concatenate(found) if found else np.zeros(0, np.int64)


def _chunk_candidates(chunk: pa.Array, leads: np.ndarray) -> np.ndarray:
    if pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type):
        width = np.int32 if pa.types.is_string(chunk.type) else np.int64
    else:
        return np.arange(len(chunk), dtype=np.int64)
    if len(chunk) == 0:
        return np.zeros(0, np.int64)
    _, offsets_buffer, data_buffer = chunk.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=width, count=len(chunk) + 1, offset=chunk.offset * np.dtype(width).itemsize)
    first, last = int(offsets[0]), int(offsets[-1])
    if last <= first:
        return np.zeros(0, np.int64)
    data = np.frombuffer(data_buffer, dtype=np.uint8, count=last - first, offset=first)
    if not leads[int(data.min()) : int(data.max()) + 1].any():  # no byte of the column can start a character of the class
        return np.zeros(0, np.int64)
    positions = np.concatenate([np.flatnonzero(leads[data[at : at + _BLOCK]]) + at for at in range(0, len(data), _BLOCK)])
    return np.unique(np.searchsorted(offsets, positions + first, side="right") - 1).astype(np.int64)


def check_list_duplicates(tables: dict, report: Report) -> None:
    for name, column in sorted(SET_COLUMNS):
        df = tables.get(name)
        if df is None or column not in df:
            continue
        spec = TABLES_BY_NAME[name]
        values, row_of = _values(tables, name, spec.column(column))
        if not len(values):
            continue
        codes = pc.dictionary_encode(values).indices.to_numpy(zero_copy_only=False)
        keep = ~pc.is_null(values).to_numpy(zero_copy_only=False)
        width = int(codes[keep].max()) + 1 if keep.any() else 1
        pairs = row_of[keep].astype(np.int64) * width + codes[keep]
        unique, counts = np.unique(pairs, return_counts=True)
        items = values.filter(pa.array(keep))
        for pair in unique[counts > 1]:
            row = int(pair // width)
            item = items[int(np.flatnonzero(pairs == pair)[0])].as_py()
            report.add(name, "duplicate-list-item", f"{column} names {item[:60]!r} twice (its items are a set)",
                       str(row_id(df, spec, row)), column, item, value_of="an item")


VALUE_CHECKS = (check_control_characters, check_list_duplicates)
