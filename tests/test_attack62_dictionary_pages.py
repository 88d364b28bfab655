"""A dictionary page is bytes of its column too, the entries no row uses included (attack62).

A string column's dictionary page may hold entries no data page refers to. Arrow decodes the rows
through it and never looks at the others, so validate saw only the used ones: a quotes part whose
`kind` dictionary held one more entry, b'\\xff\\xfe bad', was VALID, exit 0 ("every byte of every
string column is UTF-8"), while DuckDB 2.0.1 and polars 2.2.0 refuse the whole file ('Invalid
string encoding found in Parquet file', 'String data contained invalid UTF-8') and pyarrow's own
`read_dictionary=` raises UnicodeDecodeError. Such a part is refused (`unreadable-table`, exit 2,
naming file, row group and column); a used entry of such bytes stays the `invalid-utf8` finding
it always was."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate
from landstrikes.schema.tableio import UnreadableTable, read_part


def _with_dictionary(path: Path, column: str, extra: list[bytes], used: dict[int, bytes] | None = None) -> None:
    """The part rewritten with `column` dictionary-encoded over its values plus `extra` entries,
    which no row uses (`used`: rows given raw bytes instead), the stamps kept, no stored Arrow
    schema (it would declare the dictionary type)."""
    table = pq.read_table(path)
    stamps = {k: v for k, v in table.schema.metadata.items() if k != b"ARROW:schema"}
    values = [v.encode() for v in table.column(column).to_pylist()]
    for row, raw in (used or {}).items():
        values[row] = raw
    entries = sorted(set(values))
    dictionary = pa.array(entries + extra, pa.binary()).view(pa.string())
    encoded = pa.DictionaryArray.from_arrays(pa.array([entries.index(v) for v in values], pa.int32()), dictionary)
    index = table.schema.get_field_index(column)
    rewritten = table.set_column(index, pa.field(column, encoded.type, nullable=False), encoded).replace_schema_metadata(None)
    with pq.ParquetWriter(path, rewritten.schema, store_schema=False) as writer:
        writer.write_table(rewritten)
        writer.add_key_value_metadata(stamps)


@pytest.mark.parametrize("extra", [[b"\xff\xfe bad"], [b"never used", b"caf\xc3"]])
def test_a_dictionary_entry_no_row_uses_that_is_not_utf8_is_refused(dataset_copy, extra):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    _with_dictionary(part, "kind", extra)
    with pytest.raises(UnreadableTable, match="column kind") as refused:
        read_part(part)
    assert "not UTF-8" in str(refused.value) and "row group 0" in str(refused.value)
    report = validate(dataset_copy)
    assert report.exit_code == 2 and report.unusable.startswith("[unreadable-table] ")


def test_an_unused_entry_of_utf8_and_used_bytes_that_are_not_stay_as_they_were(dataset_copy):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    _with_dictionary(part, "kind", [b"unused but sound"])
    assert validate(dataset_copy).exit_code == 0  # an unused entry of UTF-8 is no value any reader meets
    _with_dictionary(part, "kind", [], used={3: b"dir\xffect"})
    report = validate(dataset_copy)
    assert report.exit_code == 1 and report.unusable is None
    assert "invalid-utf8" in {f.check for f in report.findings}


def test_a_list_columns_dictionary_is_read_too(dataset_copy):
    part = dataset_copy / "data" / "entities" / "entities.parquet"
    table = pq.read_table(part)
    stamps = {k: v for k, v in table.schema.metadata.items() if k != b"ARROW:schema"}
    aliases = table.column("aliases").combine_chunks()
    flat = [v.encode() for v in aliases.values.to_pylist()]
    entries = sorted(set(flat))
    dictionary = pa.array(entries + [b"\xc0\xaf"], pa.binary()).view(pa.string())
    items = pa.DictionaryArray.from_arrays(pa.array([entries.index(v) for v in flat], pa.int32()), dictionary)
    lists = pa.ListArray.from_arrays(aliases.offsets, items)
    index = table.schema.get_field_index("aliases")
    rewritten = table.set_column(index, pa.field("aliases", lists.type, nullable=False), lists).replace_schema_metadata(None)
    with pq.ParquetWriter(part, rewritten.schema, store_schema=False) as writer:
        writer.write_table(rewritten)
        writer.add_key_value_metadata(stamps)
    with pytest.raises(UnreadableTable, match="aliases"):
        read_part(part)


def test_a_release_part_so_written_fails_verify_and_load(released_copy, capsys):
    from landstrikes import load
    from landstrikes.cli import main
    from landstrikes.errors import ReleaseIntegrityError
    from test_attack13_verify_statistics import QUOTES, VERSION, rehash

    release = released_copy / "releases" / VERSION
    _with_dictionary(release / QUOTES, "kind", [b"\xff\xfe bad"])
    rehash(release, QUOTES)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    assert f"[footer-statistics-mismatch] {QUOTES}: row group 0, column kind" in capsys.readouterr().out
    with pytest.raises(ReleaseIntegrityError, match="footer-statistics-mismatch"):
        load("quotes", version=VERSION, root=released_copy / "releases")
