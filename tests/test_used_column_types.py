"""render, agreement and evaluate refuse a table whose used column has another Arrow type than the
schema's, in one line naming the table, column, file and both types, with validate's id
`wrong-dtype`, exit 2, nothing written. render and agreement read tables unvalidated and computed
on offsets stored as strings or floats (`int("12")` is 12) and drew or counted a label stored as an
integer (loose14); the check is one function for the three (landstrikes.schema.used_columns)."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import with_pass_partners
from hostile_tools import part
from landstrikes.cli import main


def _as_strings(column):
    return column.cast(pa.string())


def _as_floats(column):
    return column.cast(pa.float64())


def _as_label_codes(column):
    return pc.dictionary_encode(column).combine_chunks().indices.cast(pa.int64())


RETYPED = {
    "offsets as strings": ("quotes", "start", _as_strings, "Arrow type string, the schema says int64"),
    "offsets as floats": ("claims", "end", _as_floats, "Arrow type double, the schema says int64"),
    "a label as integers": ("quotes", "kind", _as_label_codes, "Arrow type int64, the schema says string"),
}
COMMANDS = ("render", "agreement", "evaluate")


def _retype(dataset, table, column, convert):
    path = part(dataset, table)
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index(column)
    values = convert(arrow.column(i))
    pq.write_table(arrow.set_column(i, pa.field(column, values.type), values)
                   .replace_schema_metadata(arrow.schema.metadata), path)
    return path


def _args(command, dataset, gold, out):
    if command == "render":
        return ["render", str(dataset), "--out", str(out)]
    if command == "agreement":
        return ["agreement", "--dataset", str(dataset), "--out", str(out)]
    return ["evaluate", str(dataset), "--gold", str(gold), "--json", str(out)]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", list(RETYPED))
def test_a_used_column_of_another_type_is_refused_in_one_line_naming_file_and_column(
        built_dataset, tmp_path, capsys, command, case):
    table, column, convert, types = RETYPED[case]
    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    retyped = _retype(dataset, table, column, convert)
    out = tmp_path / ("site" if command == "render" else "figures.json")
    assert main(_args(command, dataset, built_dataset, out)) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "internal-error" not in err, err
    assert f"[wrong-dtype] {table} column {column!r} ({retyped}): {types}" in err, err
    assert not out.exists()


def test_an_unused_column_of_another_type_is_not_the_commands_concern(built_dataset, tmp_path, capsys):
    """agreement does not read segments: it computes as before (validate reports the table)."""
    dataset = tmp_path / "dataset"
    with_pass_partners(shutil.copytree(built_dataset, dataset))
    _retype(dataset, "segments", "kind", _as_label_codes)
    assert main(["agreement", "--dataset", str(dataset), "--out", str(tmp_path / "a.json")]) == 0
