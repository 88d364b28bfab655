"""The bomb guard reads page headers as Arrow's Thrift reads them, and refuses what it cannot read (attack68).

attack23's guard weighs a column chunk's footer against its page headers, since Arrow decodes as
many values as a page header states. Its Thrift reader was its own, and where it read a header
otherwise than Arrow's Thrift (compact protocol, C++), the footer's word was believed:

- a field byte of type 0 is a stop to Thrift whatever its upper nibble; the guard called `0x10`
  "no Thrift type 0", gave up on the whole file (None) and believed the footer;
- a long-form field id is an i16 to Thrift (65537 is field 1); the guard read 65537, so the
  page's `num_values` was not seen at all;
- a field of another wire type than its definition is skipped by Thrift (an i64 `num_values`
  after the i32 one); the guard took the last one;
- Thrift skips unknown fields nested up to 64 deep; the guard gave up past 16.

Each, on a 671-byte part whose footer states 1 value for a list of 34,554,432 (attack23's bomb):
validate decoded it (1.2 GB resident, exit 1) where it refuses it unread (exit 2). Now the guard
reads fields, ids and integers as Thrift does, and a header it still cannot read is refused, never
a reason to believe the footer.
"""

from __future__ import annotations

import shutil

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_attack23_footer_counts import _reason, _rewrite_chunk, _varint

from landstrikes.cli import main
from landstrikes.schema.page_headers import chunk_pages
from landstrikes.schema.tableio import BOMB_FLOOR


def _zigzag(number: int) -> bytes:
    return _varint((number << 1) ^ (number >> 63))


def _field(field_id: int, kind: int, payload: bytes) -> bytes:
    """A field in Thrift's long form (type byte, then the id as a zigzag varint): any id, any order."""
    return bytes([kind]) + _zigzag(field_id) + payload


def _i32(field_id: int, value: int) -> bytes:
    return _field(field_id, 5, _zigzag(value))


def _varint_at(data: bytes, at: int) -> tuple[int, int]:
    """The varint at `at`, and where the bytes after it start."""
    shift = value = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def _headers(data: bytes, chunk) -> list[tuple[int, int, int, int]]:
    """Each page header of the chunk: (its inner struct's field id, that struct's start, its end, the page header's end),
    read by hand from an honest file (fields 1-3 i32, 5/7 a struct, field bytes in short form)."""
    start = chunk.dictionary_page_offset if chunk.has_dictionary_page else chunk.data_page_offset
    end, at, found = start + chunk.total_compressed_size, start, []

    def varint():
        nonlocal at
        value, at = _varint_at(data, at)
        return value

    def skip_struct():
        nonlocal at
        while True:
            head = data[at]
            at += 1
            if head == 0:
                return
            kind = head & 0x0F
            if kind in (5, 6):
                varint()
            elif kind == 8:
                length = varint()
                at += length
            elif kind == 12:
                skip_struct()
            elif kind not in (1, 2):
                raise AssertionError(f"unexpected kind {kind}")

    while at < end:
        field, body, inner = 0, None, (None, None, None)
        while True:
            head = data[at]
            at += 1
            if head == 0:
                break
            field += head >> 4
            kind = head & 0x0F
            if kind == 12:
                inner_start = at
                skip_struct()
                inner = (field, inner_start, at)
            else:
                value = varint()
                if field == 3:
                    body = value >> 1  # (a size: zigzag of a non-negative number)
        found.append((*inner, at))
        at += body
    return found


def _data_page_fields(data: bytes, start: int) -> tuple[dict[int, int], bytes]:
    """The i32 fields an honest data page header opens with (short form), by id, and their bytes."""
    out, at, field = {}, start, 0
    while True:
        head = data[at]
        if head == 0 or head & 0x0F != 5:
            return out, data[start:at]
        field += head >> 4
        value, at = _varint_at(data, at + 1)
        out[field] = (value >> 1) ^ -(value & 1)


def _replace_data_page_header(path, body: callable) -> None:
    """Rewrite the first column chunk's data page header in place: `body(fields)` gives its new fields,
    padded to the old length with an unknown binary field (Thrift skips it) and closed by a stop."""
    chunk = pq.read_metadata(path).row_group(0).column(0)
    data = bytearray(path.read_bytes())
    (_, inner_start, inner_end, _), = [h for h in _headers(bytes(data), chunk) if h[0] == 5]  # one data page
    new = body(*_data_page_fields(bytes(data), inner_start))
    room = inner_end - inner_start - len(new) - 1
    filler = _field(20, 8, b"")
    for length in range(room, -1, -1):
        padding = filler + _varint(length) + b"\x00" * length
        if len(padding) == room:
            break
    else:
        raise AssertionError("no room to pad the data page header")
    data[inner_start:inner_end] = new + padding + b"\x00"
    path.write_bytes(bytes(data))


def _encodings(fields):
    return _i32(2, fields[2]) + _i32(3, fields[3]) + _i32(4, fields[4])


def _wrapped_id(fields, _):
    """num_values under field id 65537: Thrift's i16 field id is 1."""
    return _i32(65537, fields[1]) + _encodings(fields)


def _i64_after(fields, _):
    """num_values as Thrift reads it (i32), then the same id again as an i64 of 0, which Thrift skips."""
    return _i32(1, fields[1]) + _encodings(fields) + _field(1, 6, _zigzag(0))


def _deep_unknown(_, honest: bytes):
    """The honest fields, then an unknown field holding structs 20 deep: Thrift skips up to 64 levels."""
    return honest + _field(30, 12, b"\x1c" * 19 + b"\x00" * 20)


def _stop_with_a_delta(path) -> None:
    """Every page header of the first chunk closed by 0x10: a stop to Thrift (its type nibble is 0)."""
    chunk = pq.read_metadata(path).row_group(0).column(0)
    data = bytearray(path.read_bytes())
    for _, _, _, end in _headers(bytes(data), chunk):
        assert data[end - 1] == 0
        data[end - 1] = 0x10
    path.write_bytes(bytes(data))


def _footer_with(path, old: bytes, new: bytes, first: bool = False) -> None:
    """The footer with `old` (found once in it, or its `first` place) replaced by `new`, its length
    restated: a footer holds no offsets into itself, so any of its bytes may grow or shrink."""
    data = path.read_bytes()
    start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    footer = data[start:-8]
    assert footer.count(old) == 1 or first and old in footer
    footer = footer.replace(old, new, 1)
    path.write_bytes(data[:start] + footer + len(footer).to_bytes(4, "little") + b"PAR1")


def _chunk_of_its_dictionary_page_by_an_old_parquet_mr(path) -> None:
    """The footer states the chunk as its dictionary page alone, written by parquet-mr 1.2.8: Arrow
    reads 100 bytes past a chunk of such a writer (PARQUET-816), and the data page lies there."""
    metadata = pq.read_metadata(path)
    chunk = metadata.row_group(0).column(0)
    sizes = b"\x16" + _varint(2 * chunk.total_uncompressed_size) + b"\x16"
    stated = _varint(2 * chunk.total_compressed_size)
    _footer_with(path, sizes + stated, sizes + _varint(2 * (chunk.data_page_offset - chunk.dictionary_page_offset)))
    written = metadata.created_by.encode()
    _footer_with(path, _varint(len(written)) + written, _varint(24) + b"parquet-mr version 1.2.8")


FORGERIES = {
    "stop-byte-with-a-delta": _stop_with_a_delta,
    "field-id-past-i16": lambda path: _replace_data_page_header(path, _wrapped_id),
    "i64-under-an-i32-field": lambda path: _replace_data_page_header(path, _i64_after),
    "unknown-field-20-deep": lambda path: _replace_data_page_header(path, _deep_unknown),
    "chunk-range-of-an-old-parquet-mr": _chunk_of_its_dictionary_page_by_an_old_parquet_mr,
}


def _list_part(path, values: int) -> None:
    """One row holding a list of `values` zeros, the footer stating 1 value (attack23's forgery)."""
    items = pa.array(np.zeros(values, dtype=np.int64))
    column = pa.ListArray.from_arrays(pa.array([0, values], pa.int32()), items)
    pq.write_table(pa.table({"speaker_ids": column}), path, compression="zstd")
    _rewrite_chunk(path, "num_values", 1)


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_arrow_decodes_every_value_the_forged_page_header_states(forgery, tmp_path):
    """The forgeries are real: Arrow reads the whole list the header states, whatever the footer says."""
    path = tmp_path / "quotes.parquet"
    _list_part(path, 10**5)
    FORGERIES[forgery](path)
    assert pq.read_metadata(path).row_group(0).column(0).num_values == 1
    assert len(pq.ParquetFile(path).read().column(0).chunk(0).values) == 10**5


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_a_footer_understating_a_forged_page_header_is_a_bomb(forgery, tmp_path):
    path = tmp_path / "quotes.parquet"
    _list_part(path, BOMB_FLOOR // 8 + 10**6)
    FORGERIES[forgery](path)
    assert _reason(path) is not None


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_the_guard_counts_what_arrow_decodes_from_a_forged_header(forgery, tmp_path):
    path = tmp_path / "quotes.parquet"
    _list_part(path, 10**5)
    FORGERIES[forgery](path)
    pages = chunk_pages(path, pq.read_metadata(path))
    assert pages is not None and pages[0].values == 10**5


def test_validate_refuses_the_forged_bomb_unread(dataset_copy, tmp_path, capsys):
    bomb = tmp_path / "bomb.parquet"
    _list_part(bomb, BOMB_FLOOR // 8 + 10**6)
    _stop_with_a_delta(bomb)
    shutil.copy(bomb, dataset_copy / "data" / "quotes" / "quotes.parquet")
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[decompression-bomb]" in out and "quotes.parquet" in out


def _page(kind: int, headers: bytes, body: int = 0) -> bytes:
    return _i32(1, kind) + _i32(2, body) + _i32(3, body) + headers + b"\x00" + b"\x00" * body


def test_only_the_header_its_page_type_names_adds_values(tmp_path):
    """Arrow counts a DATA_PAGE's field 5 and a DATA_PAGE_V2's field 8; a dictionary page carrying a data
    page header adds nothing, so it cannot end the walk (the guard stops where Arrow's values reach
    the footer's) before the data page Arrow does decode."""
    from types import SimpleNamespace

    from landstrikes.schema.page_headers import _chunk

    data_page_header = _field(5, 12, _i32(1, 1) + b"\x00")
    pages = (_page(2, data_page_header + _field(7, 12, _i32(1, 1) + b"\x00"), body=4)
             + _page(0, _field(5, 12, _i32(1, 10**6) + b"\x00"))
             + _page(3, _field(8, 12, _i32(1, 7) + b"\x00")))
    chunk = SimpleNamespace(data_page_offset=4, dictionary_page_offset=None, has_dictionary_page=False,
                            total_compressed_size=len(pages), num_values=1)
    assert _chunk(b"PAR1" + pages + b"PAR1", chunk).values == 10**6
    chunk.num_values = 10**6 + 7
    assert _chunk(b"PAR1" + pages + b"PAR1", chunk).values == 10**6 + 7


def test_a_page_header_the_guard_cannot_read_is_refused_not_believed(tmp_path):
    """Whatever Arrow makes of a header the guard cannot read, the footer is not what bounds it."""
    path = tmp_path / "quotes.parquet"
    _list_part(path, 10**5)
    chunk = pq.read_metadata(path).row_group(0).column(0)
    data = bytearray(path.read_bytes())
    start = chunk.dictionary_page_offset
    data[start:start + 8] = bytes([0x1B, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x11, 0x00])  # field 1: a map of 2^32 booleans
    path.write_bytes(bytes(data))
    assert chunk_pages(path, pq.read_metadata(path)) is None
    reason = _reason(path)
    assert reason is not None and "page header" in reason
