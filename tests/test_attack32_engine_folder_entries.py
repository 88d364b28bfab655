"""attack32: `validate --engine` names a table folder's odd entry once, as one folder does.

The driver reports what lies in the real table folders (`unexpected-file`, review17); but a
table whose files are not all partition files is shared, and the task that checks the shared
tables' own rules saw the same entry among its links and reported it again: a part named
`_x.parquet` (which pandas skips) was one finding in one folder and two under the engine."""

from __future__ import annotations

import pyarrow.parquet as pq

from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def test_an_underscore_part_of_a_partitioned_table_is_one_finding(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    quotes = corpus / "data" / "quotes"
    pq.write_table(pq.read_table(quotes / "quotes-000000001.parquet").slice(0, 0), quotes / "_x.parquet")
    assert [(f.check, f.value) for f in same_as_one_folder(corpus)] == [("unexpected-file", "_x.parquet")]


def test_an_underscore_part_of_a_shared_table_is_one_finding(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    entities = corpus / "data" / "entities"
    whole = pq.read_table(entities / "entities.parquet")
    pq.write_table(whole.slice(0, 40), entities / "entities.parquet")
    pq.write_table(whole.slice(40), entities / "_rest.parquet")
    assert [(f.check, f.value) for f in same_as_one_folder(corpus)] == [("unexpected-file", "_rest.parquet")]
