"""A table part whose name starts with `_` is a finding (attack18). validate and `load_dataset`
(the card's `data/<table>/*.parquet`) read it; `pandas.read_parquet(folder)` and Arrow's dataset
reader skip names starting with `_` or `.`. A table split into `quotes.parquet` and
`_rest.parquet` was VALID while README's own pandas recipe got 50 of its 103 quotes."""

from __future__ import annotations

import pyarrow.parquet as pq

from landstrikes.schema import validate


def _split(dataset, table: str, name: str, at: int) -> int:
    path = dataset / "data" / table / f"{table}.parquet"
    whole = pq.read_table(path)
    pq.write_table(whole.slice(0, at), path)
    pq.write_table(whole.slice(at), path.parent / name)
    return whole.num_rows


def test_a_part_pandas_skips_is_an_unexpected_file(dataset_copy):
    rows = _split(dataset_copy, "quotes", "_rest.parquet", 50)
    assert pq.read_table(dataset_copy / "data" / "quotes").num_rows == 50 < rows  # what pandas reads
    findings = [f for f in validate(dataset_copy).findings if f.check == "unexpected-file"]
    assert [(f.table, f.value) for f in findings] == [("quotes", "_rest.parquet")]


def test_a_part_every_reader_reads_is_no_finding(dataset_copy):
    _split(dataset_copy, "quotes", "quotes-more.parquet", 50)
    assert validate(dataset_copy).ok
