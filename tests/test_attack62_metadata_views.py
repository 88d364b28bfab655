"""A part's key-value metadata is one statement to every reader (attack62).

A Parquet file written by Arrow keeps its schema's key-value metadata twice: in the footer's
key-value list, which DuckDB, polars and Spark read, and inside the Arrow schema it stores
there (`ARROW:schema`), which pyarrow's `read_table`, `read_schema`, pandas and Hugging Face
`datasets` read instead. validate read the footer's list alone (`ParquetFile.read()`): a `pandas`
entry stored only inside `ARROW:schema` made `pandas.read_parquet` turn quote_id into the index
(attack19's forgery, moved one level in) under a VALID verdict, and a table stamp could say
'quotes' to validate and 'claims' to pandas. Every writer seen writes the two alike (the 506
committed parts, pandas' `to_parquet`); a part whose two differ is refused, as a footer whose
statistics misstate the values is: `unreadable-table`, exit 2, one line naming the file and the key."""

from __future__ import annotations

import base64
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.schema import validate
from landstrikes.schema.tableio import read_part, UnreadableTable
from landstrikes.engines.validate import validate_partitioned
from test_engine_placement import own_partition, scatter


def _write_two_views(path: Path, footer: dict[bytes, bytes], stored: dict[bytes, bytes] | None) -> None:
    """The part rewritten with `footer` as its key-value list and `stored` as the metadata of the
    Arrow schema stored in it (None: no `ARROW:schema` at all)."""
    table = pq.read_table(path).replace_schema_metadata(None)
    listed = dict(footer)
    if stored is not None:
        listed[b"ARROW:schema"] = base64.b64encode(table.schema.with_metadata(stored).serialize().to_pybytes())
    with pq.ParquetWriter(path, table.schema, store_schema=False) as writer:
        writer.write_table(table)
        writer.add_key_value_metadata(listed)


def _stamps(path: Path) -> dict[bytes, bytes]:
    return {k: v for k, v in pq.read_schema(path).metadata.items() if k != b"ARROW:schema"}


def _pandas_entry(path: Path) -> bytes:
    frame = pd.read_parquet(path).set_index("quote_id")
    return pa.Table.from_pandas(frame).schema.metadata[b"pandas"]


def test_a_pandas_entry_stored_only_in_the_arrow_schema_is_refused(dataset_copy, capsys):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    stamps = _stamps(part)
    _write_two_views(part, stamps, {**stamps, b"pandas": _pandas_entry(part)})
    assert pd.read_parquet(part).index.name == "quote_id"  # what a pandas user gets
    report = validate(dataset_copy)
    assert report.exit_code == 2
    assert report.unusable.startswith("[unreadable-table] ") and "quotes.parquet" in report.unusable
    assert "'pandas'" in report.unusable
    capsys.readouterr()
    assert main(["validate", str(dataset_copy)]) == 2
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    lines = [line for line in (printed.out + printed.err).splitlines() if "[unreadable-table]" in line]
    assert len(lines) == 1 and lines[0].endswith(report.unusable)


@pytest.mark.parametrize("stored_table, footer_table", [(b"claims", b"quotes"), (b"quotes", b"claims")])
def test_a_stamp_that_says_one_table_to_arrow_and_another_to_the_footer_is_refused(dataset_copy, stored_table, footer_table):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    stamps = _stamps(part)
    _write_two_views(part, {**stamps, b"landstrikes.table": footer_table}, {**stamps, b"landstrikes.table": stored_table})
    with pytest.raises(UnreadableTable, match="landstrikes.table"):
        read_part(part)
    assert validate(dataset_copy).exit_code == 2


def test_an_entry_only_the_footer_lists_is_refused_too(dataset_copy):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    stamps = _stamps(part)
    _write_two_views(part, {**stamps, b"huggingface": b"{}"}, stamps)
    with pytest.raises(UnreadableTable, match="huggingface"):
        read_part(part)


def test_one_statement_in_both_places_or_a_footer_alone_is_read(dataset_copy):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    stamps = _stamps(part)
    _write_two_views(part, stamps, None)  # no stored Arrow schema: every reader reads the footer
    assert validate(dataset_copy).exit_code == 0
    _write_two_views(part, stamps, stamps)
    assert validate(dataset_copy).exit_code == 0


def test_a_partition_whose_views_differ_is_refused_as_in_one_folder(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    part = corpus / "data" / "quotes" / "quotes-000000002.parquet"
    stamps = _stamps(part)
    _write_two_views(part, stamps, {**stamps, b"pandas": _pandas_entry(part)})
    one_folder = validate(corpus)
    partitioned = validate_partitioned(corpus, "local", num_proc=1, pass_rows=50, task_floor=1)
    assert one_folder.exit_code == partitioned.exit_code == 2
    assert partitioned.unusable == one_folder.unusable and "quotes-000000002.parquet" in one_folder.unusable
    assert sorted(partitioned.findings) == sorted(one_folder.findings)


@pytest.mark.parametrize("where", ["stored", "footer"])
def test_a_release_part_whose_views_differ_fails_verify_and_load(released_copy, capsys, where):
    """verify read the stored schema's entries (a footer-only `huggingface` entry passed it) and
    load the footer's: a re-hashed release part of two statements was ok to both."""
    from landstrikes import load
    from landstrikes.errors import ReleaseIntegrityError
    from test_attack13_verify_statistics import QUOTES, VERSION, rehash

    release = released_copy / "releases" / VERSION
    part = release / QUOTES
    stamps = _stamps(part)
    entry = {b"huggingface": b'{"info": {"features": {}}}'}
    _write_two_views(part, {**stamps, **entry} if where == "footer" else stamps,
                     {**stamps, **entry} if where == "stored" else stamps)
    rehash(release, QUOTES)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    out = capsys.readouterr().out
    assert f"[footer-statistics-mismatch] {QUOTES}: its metadata entry 'huggingface'" in out, out
    with pytest.raises(ReleaseIntegrityError, match="footer-statistics-mismatch|unexpected-metadata"):
        load("quotes", version=VERSION, root=released_copy / "releases")
