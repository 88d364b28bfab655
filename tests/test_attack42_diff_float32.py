"""A float64 column rewritten as float32 is a retyped column for `diff` (attack42).

The manifest's and diff's type names are the schema's (`int`, `float`, `string`, `bool`,
`string_list`), and any other Arrow type was named by Arrow's own spelling, which calls float32
"float": a data folder whose claims' `quantity_low` became float32 (every value exactly
representable, so every row compared equal) was `diff`'s "identical", exit 0, against release
2.28.0 and against a sound copy, though README's version rule calls a retyped column major and
`validate` refuses it (`wrong-dtype`). verify's refusal of such a release read "type float,
schema 2.1's is float (Arrow double)".
"""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.releases.manifest import logical_type

RELEASE = DATASET / "releases" / "2.28.0"


@pytest.fixture
def float32_copy(tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(RELEASE / "data", target / "data")
    path = target / "data" / "claims" / "claims.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("quantity_low")
    pq.write_table(table.set_column(i, table.schema.field(i).with_type(pa.float32()),
                                    pc.cast(table.column(i), pa.float32())), path)
    return target


@pytest.mark.parametrize("old", ["release", "folder"])
def test_a_float_column_made_float32_is_a_major_retype(float32_copy, tmp_path, old, capsys):
    if old == "folder":
        shutil.copytree(RELEASE / "data", tmp_path / "sound" / "data")
    code = main(["diff", str(RELEASE if old == "release" else tmp_path / "sound"), str(float32_copy)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "~ column quantity_low: float (nullable) -> float32 (nullable)" in out
    assert "required bump: major (claims: column retyped: quantity_low)" in out


def test_no_arrow_type_outside_the_schema_is_named_as_a_schema_type():
    schema_types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                    "string_list": pa.list_(pa.string())}
    others = [pa.float32(), pa.float16(), pa.int32(), pa.int8(), pa.uint64(), pa.large_string(), pa.string_view(),
              pa.large_list(pa.string()), pa.list_(pa.large_string()), pa.binary(), pa.dictionary(pa.int32(), pa.string())]
    for arrow_type in others:
        assert logical_type(arrow_type) not in schema_types, arrow_type
    for name, arrow_type in schema_types.items():
        assert logical_type(arrow_type) == name
