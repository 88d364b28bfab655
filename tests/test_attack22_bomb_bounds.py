"""Parquet parts that decode to hundreds of megabytes from a few kilobytes, shaped to slip under
the decompression-bomb guard's cheap bounds (attack22).

attack21's guard floors a part at 8 bytes per row and column, and bounds dictionary-encoded text
by each column's longest dictionary value, read from the first row of each row group. Four shapes
made those bounds fall below what a reader decodes, so `validate`, `verify` and `load` decoded the
bomb instead of refusing it:

- a fixed-width binary column (`FIXED_LEN_BYTE_ARRAY`) of one-megabyte values held once in its
  dictionary: only variable-length text was counted (400 MB from 2.6 KB);
- one row holding a list of 5*10^7 values: the floor counted rows, not values (387 MB decoded,
  1.2 GB resident, from a 915-byte file);
- a column named `quote_id.x` beside `quote_id`: its leaf was bounded by `quote_id`'s dictionary
  (the path was split at its first dot);
- a list column whose row groups open with an empty list or a null: Arrow hands the first row's
  list no dictionary, so its longest value read as 0; and a map column, never counted at all.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema.tableio import BOMB_FLOOR, bomb_reason

LONG = 1 << 20
ROWS = (BOMB_FLOOR // LONG) + 64


def _reason(path):
    with pq.ParquetFile(path) as handle:
        return bomb_reason(path, path.stat().st_size, handle.metadata)


def _write(path, columns: dict, small: bool = True) -> None:
    ids = pa.array([f"q{i}" for i in range(len(next(iter(columns.values()))))])
    pq.write_table(pa.table({"quote_id": ids, **columns}), path, compression="zstd", row_group_size=10**6)
    assert not small or path.stat().st_size < 64 << 10


def test_fixed_width_binary_values_held_once_in_a_dictionary_are_a_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    _write(path, {"text": pa.array([b"x" * LONG] * ROWS, pa.binary(LONG))})
    assert _reason(path) is not None


def test_one_row_holding_millions_of_list_values_is_a_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    values = pa.array(np.zeros(BOMB_FLOOR // 8 + 10**6, dtype=np.int64))
    column = pa.ListArray.from_arrays(pa.array([0, len(values)], pa.int32()), values)
    pq.write_table(pa.table({"quote_id": ["q0"], "speaker_ids": column}), path, compression="zstd")
    assert path.stat().st_size < 64 << 10
    assert _reason(path) is not None


def test_a_column_named_after_another_with_a_dot_is_bounded_by_its_own_dictionary(tmp_path):
    path = tmp_path / "quotes.parquet"
    _write(path, {"quote_id.x": pa.array(["a" * LONG] * ROWS)})
    assert _reason(path) is not None


@pytest.mark.parametrize("first", [[], None, [None]], ids=["empty-list", "null", "list-of-null"])
def test_a_list_column_opening_on_a_row_without_values_is_still_bounded(tmp_path, first):
    path = tmp_path / "quotes.parquet"
    _write(path, {"speaker_ids": pa.array([first] + [["a" * LONG]] * ROWS, pa.list_(pa.string()))})
    assert _reason(path) is not None


def test_a_list_beside_a_short_text_in_one_struct_is_bounded_by_its_own_dictionary(tmp_path):
    path = tmp_path / "quotes.parquet"
    kind = pa.struct([("s", pa.string()), ("l", pa.list_(pa.string()))])
    rows = [{"s": "a", "l": []}] + [{"s": "a", "l": ["a" * LONG]}] * ROWS
    _write(path, {"speaker": pa.array(rows, kind)})
    assert _reason(path) is not None


def test_a_map_column_of_huge_values_is_a_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    _write(path, {"speaker": pa.array([[("k", "a" * LONG)]] * ROWS, pa.map_(pa.string(), pa.string()))})
    assert _reason(path) is not None


def test_ordinary_lists_structs_and_maps_are_no_bomb(tmp_path):
    path = tmp_path / "quotes.parquet"
    n = 20000
    _write(path, {"speaker_ids": pa.array([[] if i % 3 else [f"s{i % 7}", "x" * 40] for i in range(n)]),
                  "speaker": pa.array([{"s": "a" * (i % 50), "l": [str(i)]} for i in range(n)]),
                  "notes": pa.array([[("k", "v" * (i % 30))] for i in range(n)], pa.map_(pa.string(), pa.string())),
                  "digest": pa.array([bytes(16)] * n, pa.binary(16))}, small=False)
    assert _reason(path) is None
