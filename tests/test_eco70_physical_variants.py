"""Which physical forms of the same logical table each read path accepts (eco70).

The rule (docs/guarantees.md, README "Your own edited copy"): `validate` judges the file, so a
string column stored as `large_string` (pandas' `to_parquet`), a dictionary-encoded column or a
`pandas` schema entry is a finding (exit 1), never VALID. The commands that compute from the values
(`diff`, `evaluate`, `render`) read large strings, large lists and dictionaries as the types they
stand for and compare or draw the values: eco64 found `diff RELEASE COPY` refusing a pandas-written
copy with exit 2. `diff` still says each column's file type changed. Offsets turned to float64 by a
plain `pd.read_parquet` are another type: `render`, which draws from them, refuses them
(`wrong-dtype`, exit 2) in one line saying how to read and write them."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.cli import main

GOLD = DATASET / "data"
DROPPED = 3  # the quote row a pipeline drops before writing the copy back


def _by_pandas(path, drop: bool) -> None:
    frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    if drop:
        frame = frame.drop(index=DROPPED)  # a filter: the frame keeps its index, to_parquet writes it
    frame.to_parquet(path)


def _large_types(table: pa.Table) -> pa.Table:
    def large(t):
        if pa.types.is_string(t):
            return pa.large_string()
        if pa.types.is_list(t):
            return pa.large_list(large(t.value_type))
        return t
    return table.cast(pa.schema([f.with_type(large(f.type)) for f in table.schema], metadata=table.schema.metadata))


def _dictionaries(table: pa.Table) -> pa.Table:
    for position, field in enumerate(table.schema):
        if pa.types.is_string(field.type):
            table = table.set_column(position, field.name, table.column(position).dictionary_encode())
    return table


def _by_pyarrow(change):
    def write(path, drop: bool) -> None:
        table = pq.read_table(path)
        if drop:
            table = pa.concat_tables([table.slice(0, DROPPED), table.slice(DROPPED + 1)])
        pq.write_table(change(table), path)
    return write


WRITERS = {
    "pandas to_parquet": _by_pandas,
    "pyarrow large types": _by_pyarrow(_large_types),
    "pyarrow dictionaries": _by_pyarrow(_dictionaries),
}


def _copy(tmp_path, writer, drop: bool = False):
    folder = tmp_path / "copy"
    shutil.copytree(GOLD, folder / "data")
    for table in folder.glob("data/*/*.parquet"):
        WRITERS[writer](table, drop and table.parent.name == "quotes")
    return folder


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_diff_compares_the_values_of_a_copy_written_by_another_tool(tmp_path, capsys, writer):
    copy = _copy(tmp_path, writer, drop=True)
    report = tmp_path / "diff.json"
    code, out, err = _run(capsys, "diff", str(DATASET), str(copy), "--json", str(report))
    assert code == 1, err
    tables = json.loads(report.read_text(encoding="utf-8"))["tables"]
    dropped = pq.read_table(GOLD / "quotes").column("quote_id")[DROPPED].as_py()
    assert tables["quotes"]["removed"] == [dropped]
    for name, table in tables.items():
        assert table["changed"] == [] and table["added"] == [], name
        if name != "quotes":
            assert table["removed"] == [], name
    assert "quote_id: string ->" in out  # the file's own type is still reported


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_evaluate_and_render_read_a_copy_written_by_another_tool_as_the_gold(tmp_path, capsys, writer):
    copy = _copy(tmp_path, writer)
    code, out, err = _run(capsys, "evaluate", str(copy), "--gold", str(DATASET), "--json", "-")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["layers"]["quotes"]["exact"]["f1"] == 1.0 and figures["layers"]["mentions"]["exact"]["f1"] == 1.0
    code, _, err = _run(capsys, "render", str(copy), "--out", str(tmp_path / "site"))
    assert code == 0, err


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_validate_still_judges_the_file_types(tmp_path, capsys, writer):
    copy = _copy(tmp_path, writer)
    code, out, err = _run(capsys, "validate", str(copy))
    assert code == 1 and "wrong-dtype" in out and "INVALID" in out, (out, err)


def test_float_offsets_from_a_plain_read_parquet_are_refused_saying_what_to_do(tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(GOLD, copy / "data")
    path = copy / "data" / "quotes" / "quotes.parquet"
    pd.read_parquet(path).to_parquet(path)  # nullable speaker and cue offsets become float64
    code, _, err = _run(capsys, "render", str(copy), "--out", str(tmp_path / "site"))
    assert code == 2 and "[wrong-dtype]" in err and "dtype_backend='numpy_nullable'" in err, err
    assert len(err.strip().splitlines()) == 1
