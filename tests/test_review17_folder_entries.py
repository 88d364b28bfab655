"""`validate --engine` looks at the data folder itself as one-folder `validate` does: a folder of
Parquet files beside the tables (`unexpected-table`) and Parquet data in a table folder under
another name (`unexpected-file`). Its tasks see folders of links only, so both passed, exit 0."""

from __future__ import annotations

import shutil

from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter



def test_a_folder_of_parquet_beside_the_tables_is_an_unexpected_table(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    (corpus / "data" / "notes").mkdir()
    shutil.copy(corpus / "data" / "quotes" / "quotes-000000000.parquet", corpus / "data" / "notes" / "x.parquet")
    assert [f.check for f in same_as_one_folder(corpus)] == ["unexpected-table"]


def test_parquet_data_in_a_table_folder_under_another_name_is_an_unexpected_file(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    shutil.copy(corpus / "data" / "quotes" / "quotes-000000000.parquet", corpus / "data" / "quotes" / "extra.PARQUET")
    assert [f.check for f in same_as_one_folder(corpus)] == ["unexpected-file"]
