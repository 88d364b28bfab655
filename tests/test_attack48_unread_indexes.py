"""A table file carrying a page index (column and offset index), a bloom filter or a stated sort
order is refused (attack48): validate checks a footer's row-group statistics because readers skip data by them, but
it read neither of these, which Spark and DataFusion also skip pages and row groups by (a bloom
filter stating an id absent returns no row for it). landstrikes never writes one; a copy written
with one had read VALID, and a release re-hashed over one verified ok."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from test_attack13_verify_statistics import QUOTES, VERSION, rehash

INDEXES = {"page index": {"write_page_index": True}, "bloom filter": {"bloom_filter_options": {"quote_id": {}}},
           "sort order": {"sorting_columns": [pq.SortingColumn(2, descending=True)]}}  # start: ascending in truth
SAID = {"page index": ", column quote_id carries a page index", "bloom filter": ", column quote_id carries a bloom filter",
        "sort order": " states a sort order (by start)"}


def _rewritten(path, options):
    table = pq.read_table(path)
    pq.write_table(table, path, **options)
    assert pq.read_table(path).equals(table)  # the same rows and stamps: only the index is new


@pytest.mark.parametrize("carried", sorted(INDEXES))
@pytest.mark.parametrize("engine", [[], ["--engine", "local"]])
def test_validate_refuses_a_part_carrying_an_index_it_does_not_read(tmp_path, capsys, carried, engine):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy)
    _rewritten(copy / "quotes" / "quotes.parquet", INDEXES[carried])
    assert main(["validate", str(copy), *engine]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and f"quotes.parquet: row group 0{SAID[carried]}" in out, out


@pytest.mark.parametrize("carried", sorted(INDEXES))
def test_verify_and_load_refuse_a_release_rehashed_over_an_index(released_copy, capsys, carried):
    release = released_copy / "releases" / VERSION
    _rewritten(release / QUOTES, INDEXES[carried])
    rehash(release, QUOTES)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    assert f"[footer-statistics-mismatch] {QUOTES}: row group 0{SAID[carried]}" in capsys.readouterr().out
    with pytest.raises(ReleaseIntegrityError, match="footer-statistics-mismatch"):
        load("quotes", version=VERSION, root=released_copy / "releases")


def test_the_tables_landstrikes_writes_carry_none():
    for path in sorted((DATASET / "data").glob("*/*.parquet")):
        assert not any(
            (column := pq.ParquetFile(path).metadata.row_group(g).column(c)).has_column_index
            or column.has_offset_index or (column.bloom_filter_offset or 0) > 0
            or pq.ParquetFile(path).metadata.row_group(g).sorting_columns
            for g in range(pq.ParquetFile(path).metadata.num_row_groups)
            for c in range(pq.ParquetFile(path).metadata.num_columns)), path
