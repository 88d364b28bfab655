"""`validate --engine` grants the silver allowance (an empty table is no `empty-table`) only as
one folder does: every articles file stamped `source=auto` and every row's source `auto`. The
first file's stamp alone let a gold corpus with one restamped part skip the empty-table rule."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from landstrikes.schema.tableio import METADATA_PREFIX
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def _stamp_auto(path: Path) -> None:
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata, f"{METADATA_PREFIX}source".encode(): b"auto"}), path)


def _empty(folder: Path) -> None:
    """The table as one zero-row partition file."""
    files = sorted(folder.iterdir())
    schema = pq.read_schema(files[0])
    for path in files:
        path.unlink()
    pq.write_table(schema.empty_table(), folder / files[0].name)


def test_a_gold_corpus_whose_first_articles_file_says_auto_still_has_its_empty_table_reported(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    _stamp_auto(sorted((corpus / "data" / "articles").iterdir())[0])
    _empty(corpus / "data" / "stances")
    assert [(f.table, f.check) for f in same_as_one_folder(corpus)] == [("stances", "empty-table")]
