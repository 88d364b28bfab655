"""A Parquet footer that understates its pages cannot pass a bomb under the guard (attack23).

attack22's floor counts each column chunk's `num_values`, and the dictionary guard weighs the text
its dictionaries spell against the chunks' `total_uncompressed_size`; both numbers are the
footer's word. Arrow does not read them: it decodes as many values as each page header states,
and decompresses each page to its header's size. attack22 left this open (it had no Thrift
writer). A footer integer is a varint, and a varint may be padded (`0x82 0x80 0x80 0x00` is 1), so
one is rewritten in place without moving a byte:

- one row holding a list of 5*10^7 values, its footer stating 1 value: no bomb, 1.1 GB resident;
- 320 rows of one 1 MB dictionary value, the footer stating 1 value (the guard's cheap bound then
  skips the count);
- the same, the footer stating 134 MB of decompressed pages instead of 1 MB (320 MB spelt is then
  under 100 times the pages).

The guard now reads the pages' headers (a few bytes each, never the pages) and refuses a footer
whose counts or sizes are below its pages' (`decompression-bomb`, exit 2), and weighs spelt text
against the pages' own decompressed size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.schema.page_headers import chunk_pages
from landstrikes.schema.tableio import BOMB_FLOOR, bomb_reason

ROOT = Path(__file__).resolve().parents[1]

LONG = 1 << 20
ROWS = (BOMB_FLOOR // LONG) + 64


def _varint(number: int) -> bytes:
    out = bytearray()
    while True:
        low, number = number & 0x7F, number >> 7
        out.append(low | (0x80 if number else 0))
        if not number:
            return bytes(out)


def _padded(number: int, width: int) -> bytes:
    """`number` as a varint of exactly `width` bytes (continuation bits on trailing zero groups)."""
    plain = _varint(number)
    assert len(plain) <= width
    if len(plain) == width:
        return plain
    return bytes([*(b | 0x80 for b in plain), *[0x80] * (width - len(plain) - 1), 0x00])


CODECS = {"UNCOMPRESSED": 0, "SNAPPY": 1, "GZIP": 2, "BROTLI": 4, "ZSTD": 6}


def _rewrite_chunk(path, field: str, new: int) -> None:
    """Rewrite the first column chunk's `num_values` or `total_uncompressed_size` in the footer.
    In ColumnMetaData they follow its codec (field 4, i32) as fields 5 and 6 (i64, zigzag
    varints, each field header 0x16), so the codec anchors them; the width is kept."""
    chunk = pq.read_metadata(path).row_group(0).column(0)
    data = bytearray(path.read_bytes())
    head = bytes([0x15, 2 * CODECS[chunk.compression], 0x16])
    values, size = _varint(2 * chunk.num_values), _varint(2 * chunk.total_uncompressed_size)
    at = data.find(head + values + b"\x16" + size, len(data) - 8 - int.from_bytes(data[-8:-4], "little"))
    assert at > 0, "column chunk not found in the footer"
    start, width = (at + 3, len(values)) if field == "num_values" else (at + 3 + len(values) + 1, len(size))
    data[start:start + width] = _padded(2 * new, width)
    path.write_bytes(bytes(data))


def _reason(path):
    with pq.ParquetFile(path) as handle:
        return bomb_reason(path, path.stat().st_size, handle.metadata)


def _list_bomb(path):
    values = pa.array(np.zeros(BOMB_FLOOR // 8 + 10**6, dtype=np.int64))
    column = pa.ListArray.from_arrays(pa.array([0, len(values)], pa.int32()), values)
    pq.write_table(pa.table({"speaker_ids": column}), path, compression="zstd")
    return len(values)


def _dictionary_bomb(path):
    pq.write_table(pa.table({"text": pa.array(["a" * LONG] * ROWS)}), path, compression="zstd", row_group_size=10**6)
    return pq.read_metadata(path).row_group(0).column(0)


def test_a_padded_varint_is_read_as_written(tmp_path):
    path = tmp_path / "p.parquet"
    pq.write_table(pa.table({"x": pa.array(list(range(1000)), pa.int64())}), path)
    _rewrite_chunk(path, "num_values", 7)
    assert pq.read_metadata(path).row_group(0).column(0).num_values == 7


def test_a_footer_stating_one_value_for_a_list_of_millions_is_refused(tmp_path):
    path = tmp_path / "quotes.parquet"
    count = _list_bomb(path)
    _rewrite_chunk(path, "num_values", 1)
    assert pq.read_metadata(path).row_group(0).column(0).num_values == 1
    assert _reason(path) is not None


def test_a_footer_stating_one_value_for_a_dictionary_bomb_is_refused(tmp_path):
    path = tmp_path / "quotes.parquet"
    chunk = _dictionary_bomb(path)
    _rewrite_chunk(path, "num_values", 1)
    assert _reason(path) is not None


def test_a_footer_overstating_its_pages_decompressed_size_does_not_hide_a_dictionary_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    chunk = _dictionary_bomb(path)
    assert _reason(path) is not None
    width = len(_varint(2 * chunk.total_uncompressed_size))
    _rewrite_chunk(path, "total_uncompressed_size", (1 << (7 * width - 1)) - 1)
    assert pq.read_metadata(path).row_group(0).column(0).total_uncompressed_size > 100 * LONG
    assert _reason(path) is not None


def test_an_honest_footer_of_an_ordinary_table_is_no_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    rows = 20_000
    pq.write_table(pa.table({"quote_id": [f"q{i}" for i in range(rows)], "text": ["word " * 20] * rows,
                             "speaker_ids": [["a", "b"]] * rows, "start": np.arange(rows)}), path, row_group_size=5000,
                   data_page_size=4096)
    assert _reason(path) is None


def test_validate_refuses_the_understated_list_unread(dataset_copy, tmp_path, capsys):
    bomb = tmp_path / "bomb.parquet"
    count = _list_bomb(bomb)
    _rewrite_chunk(bomb, "num_values", 1)
    shutil.copy(bomb, dataset_copy / "data" / "quotes" / "quotes.parquet")
    assert main(["validate", str(dataset_copy)]) == 2
    assert "[decompression-bomb]" in capsys.readouterr().out


WRITERS = {
    "plain": {},
    "v2-pages-gzip": {"data_page_version": "2.0", "compression": "gzip"},
    "small-pages-no-statistics": {"data_page_size": 512, "write_statistics": False},
    "page-index-snappy": {"write_page_index": True, "compression": "snappy"},
    "dictionary-off": {"use_dictionary": False, "compression": "none"},
    "tiny-dictionary-limit": {"dictionary_pagesize_limit": 256},
}


@pytest.mark.parametrize("writer", list(WRITERS))
def test_the_page_headers_are_read_whole_and_agree_with_an_honest_footer(writer, tmp_path):
    """The reader reads every header (None would fall back to the footer's word unseen)."""
    path = tmp_path / "t.parquet"
    rows = 3000
    kind = pa.struct([("s", pa.string()), ("l", pa.list_(pa.string()))])
    pq.write_table(pa.table({"quote_id": [f"q{i}" for i in range(rows)], "text": [f"w{i % 97} " * 30 for i in range(rows)],
                             "speaker_ids": [[f"e{i % 5}"] * (i % 3) if i % 7 else None for i in range(rows)],
                             "nested": pa.array([{"s": "a" * (i % 50), "l": ["x"] * (i % 4)} for i in range(rows)], kind),
                             "start": np.arange(rows), "score": np.linspace(0, 1, rows)}),
                   path, row_group_size=1000, **WRITERS[writer])
    metadata = pq.read_metadata(path)
    pages = chunk_pages(path, metadata)
    assert pages is not None
    chunks = [metadata.row_group(i).column(j) for i in range(metadata.num_row_groups) for j in range(metadata.num_columns)]
    assert [p.values for p in pages] == [c.num_values for c in chunks]
    assert all(p.uncompressed <= c.total_uncompressed_size for p, c in zip(pages, chunks))


def test_every_gold_part_is_read_by_its_page_headers():
    for path in sorted((ROOT / "dataset" / "data").rglob("*.parquet")):
        metadata = pq.read_metadata(path)
        pages = chunk_pages(path, metadata)
        assert pages is not None, path
        assert sum(p.values for p in pages) == sum(metadata.row_group(i).column(j).num_values
                                                   for i in range(metadata.num_row_groups)
                                                   for j in range(metadata.num_columns)), path


def test_flipped_page_header_bytes_never_raise_or_loop(tmp_path):
    """Headers are read before Arrow judges the file: garbage there is None (the footer's word),
    never an exception or an endless walk (a map of 2^60 booleans reads a byte per item)."""
    import random

    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"quote_id": [f"q{i}" for i in range(200)], "speaker_ids": [["a", "b"]] * 200}), path,
                   data_page_size=256)
    metadata = pq.read_metadata(path)
    original = path.read_bytes()
    footer_start = len(original) - 8 - int.from_bytes(original[-8:-4], "little")
    chance = random.Random(23)
    for _ in range(300):
        data = bytearray(original)
        for _ in range(chance.randint(1, 4)):
            data[chance.randrange(4, footer_start)] = chance.randrange(256)
        path.write_bytes(bytes(data))
        pages = chunk_pages(path, metadata)
        assert pages is None or len(pages) == metadata.num_row_groups * metadata.num_columns
    data = bytearray(original)
    start = metadata.row_group(0).column(0).dictionary_page_offset
    data[start:start + 8] = bytes([0x1B, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x11, 0x00])  # field 1: a map of 2^32 booleans
    path.write_bytes(bytes(data))
    assert chunk_pages(path, metadata) is None
