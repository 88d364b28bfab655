"""Tables written with Arrow types the schema does not use (dictionary-encoded, large or view
strings, a list of dictionary strings, a time zone timestamp, a struct, a map, a null-typed column,
a float16, a decimal, int32 offsets, binary text, an extra or a missing column): validate reports
each as a finding with its table and column, INVALID, and no check crashes. Attack13: held."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hostile_tools import part
from landstrikes.schema import validate


def _retyped(kind, convert=None):
    def edit(table, name):
        i = table.schema.get_field_index(name)
        column = table.column(i)
        values = convert(column) if convert else column.cast(kind)
        return table.set_column(i, pa.field(name, kind), values)
    return edit


def _struct(table, name):
    kind = pa.struct([("v", pa.string())])
    i = table.schema.get_field_index(name)
    return table.set_column(i, pa.field(name, kind), pa.array([{"v": v} for v in table.column(i).to_pylist()], kind))


def _appended(field, value):
    return lambda table, name: table.append_column(field, pa.array([value] * table.num_rows, field.type))


DICT = pa.dictionary(pa.int32(), pa.string())
EDITS = {
    "dictionary label": ("stances", "label", _retyped(DICT, lambda c: c.dictionary_encode())),
    "dictionary id": ("articles", "article_id", _retyped(DICT, lambda c: c.dictionary_encode())),
    "large string text": ("articles", "text", _retyped(pa.large_string())),
    "string view text": ("quotes", "text", _retyped(pa.string_view())),
    "list of dictionary strings": ("quotes", "speaker_ids", _retyped(pa.list_(DICT))),
    "int32 offsets": ("quotes", "start", _retyped(pa.int32())),
    "decimal offsets": ("quotes", "start", _retyped(pa.decimal128(20, 0))),
    "float16 quantity": ("claims", "quantity_low", _retyped(pa.float16(), lambda c: c.cast(pa.float32()).cast(pa.float16()))),
    "binary text": ("quotes", "text", _retyped(pa.binary())),
    "null-typed column": ("quotes", "parent_quote_id", _retyped(pa.null(), lambda c: pa.nulls(len(c)))),
    "struct column": ("quotes", "speaker_id", _struct),
    "extra tz timestamp": ("quotes", "when", _appended(pa.field("when", pa.timestamp("us", tz="Europe/Kyiv")), 0)),
    "extra map": ("quotes", "zz", _appended(pa.field("zz", pa.map_(pa.string(), pa.int64())), [("a", 1)])),
    "missing column": ("quotes", "cue_text", lambda table, name: table.drop_columns([name])),
}


@pytest.mark.parametrize("case", list(EDITS))
def test_attack_held_a_column_of_another_arrow_type_is_a_finding(dataset_copy, case):
    table_name, column, edit = EDITS[case]
    path = part(dataset_copy, table_name)
    pq.write_table(edit(pq.read_table(path), column), path)
    report = validate(dataset_copy)
    assert not report.ok and report.unusable is None
    assert not [f for f in report.findings if f.check == "check-crashed"], report.to_text()
    assert any(f.table == table_name and column in (f.column, str(f.value)) for f in report.findings), report.to_text()
