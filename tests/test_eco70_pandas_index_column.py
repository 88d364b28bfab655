"""A filtered frame written back with pandas' `to_parquet` stores its index as a column,
`__index_level_0__`; validate names it as that and says how to write the table without it (eco70):
the line had said "keep a column of your own in a table of its own", advice for a column the user
never made."""

from __future__ import annotations

import shutil

import pandas as pd

from conftest import DATASET
from landstrikes.schema import validate


def test_the_index_column_pandas_writes_is_named_with_what_to_do(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy / "data")
    path = copy / "data" / "quotes" / "quotes.parquet"
    frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    frame[frame.kind != "scare"].to_parquet(path)
    found = [f for f in validate(str(copy)).findings if f.check == "unexpected-column"]
    assert [(f.table, f.column) for f in found] == [("quotes", "__index_level_0__")]
    assert "preserve_index=False" in found[0].message and "Your own edited copy" in found[0].message


def test_a_column_of_the_users_own_keeps_its_advice(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy / "data")
    path = copy / "data" / "quotes" / "quotes.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    pq.write_table(table.append_column("my_split", pa.array(["train"] * table.num_rows)), path)
    found = [f for f in validate(str(copy)).findings if f.check == "unexpected-column"]
    assert [f.column for f in found] == ["my_split"] and "keyed by quote_id" in found[0].message
