"""Partitions are validated in tasks of whole partitions, so the per-task cost (reading and checking
the shared catalogue) does not grow with partitions x catalogue."""

from __future__ import annotations

from landstrikes.engines.tasks import SHARED_SHARE, group, task_bytes


def test_partitions_are_grouped_whole_in_order_each_once():
    sizes = {"000": 5, "001": 1, "002": 7, "003": 2, "004": 2, "005": 9}
    assert group(sizes, 6) == [["000", "001"], ["002"], ["003", "004", "005"]]
    assert group(sizes, 1) == [[index] for index in sizes]
    assert group(sizes, 10**9) == [list(sizes)]
    assert group({}, 5) == []


def test_a_task_holds_at_least_twice_the_shared_tables():
    assert task_bytes(shared_bytes=100, total_bytes=10**6, workers=2, floor=10) == SHARED_SHARE * 100
    assert task_bytes(shared_bytes=1, total_bytes=10**6, workers=2, floor=1000) == 1000


def test_every_worker_gets_a_task_when_there_are_partitions_enough():
    assert task_bytes(shared_bytes=10**6, total_bytes=1000, workers=2, floor=10) == 500
    assert len(group({f"{i:03d}": 100 for i in range(10)}, 500)) == 2


def test_a_floor_of_one_byte_is_one_partition_per_task():
    assert task_bytes(shared_bytes=0, total_bytes=0, workers=4, floor=1) == 1


# --- hostile layouts: whatever the grouping, the one-folder report (attack4) ----------------------

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
import pytest  # noqa: E402

from conftest import DATASET  # noqa: E402
from landstrikes.engines.partitions import repartition  # noqa: E402
from landstrikes.engines.validate import validate_partitioned  # noqa: E402
from landstrikes.schema.validate import validate  # noqa: E402


def _gold_partitions(tmp_path: Path) -> Path:
    """The gold tables, one partition per article, as `repartition` writes them."""
    repartition(DATASET / "data", tmp_path / "parts" / "data")
    return tmp_path / "parts"


def _retyped(path: Path, old: pa.DataType, new: pa.DataType) -> None:
    table = pq.read_table(path)
    schema = pa.schema([f.with_type(new) if f.type == old else f for f in table.schema], metadata=table.schema.metadata)
    pq.write_table(table.cast(schema), path)


def _one_partition_without_quotes(data: Path) -> None:
    (data / "quotes" / "quotes-000000002.parquet").unlink()  # article 2's quotation marks are covered by no row


def _the_stand_in_template_stamped_with_another_version(data: Path) -> None:
    """The zero-row quotes stand-in of partition 2 takes its schema from quotes-000000000, whose
    stamp is wrong: one folder names that file once, so must the engine."""
    _one_partition_without_quotes(data)
    path = data / "quotes" / "quotes-000000000.parquet"
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata, b"landstrikes.dataset_version": b"9.9.9"}), path)


def _one_partition_with_other_offset_types(data: Path) -> None:
    _retyped(data / "mentions" / "mentions-000000003.parquet", pa.int64(), pa.int32())


def _one_partition_with_large_strings(data: Path) -> None:
    _retyped(data / "quotes" / "quotes-000000001.parquet", pa.string(), pa.large_string())


def _a_table_first_file_and_a_later_table_file_broken(data: Path) -> None:
    (data / "mentions" / "mentions-000000000.parquet").write_bytes(b"PAR1 but not really")
    (data / "articles" / "articles-000000003.parquet").write_bytes(b"PAR1 but not really")


def _empty_partition_files(data: Path) -> None:
    for table in ("mentions", "quotes"):
        path = data / table / f"{table}-000000004.parquet"
        pq.write_table(pq.read_table(path).slice(0, 0), path)


@pytest.mark.parametrize("hostile", [_one_partition_without_quotes, _the_stand_in_template_stamped_with_another_version,
                                     _one_partition_with_other_offset_types,
                                     _one_partition_with_large_strings, _a_table_first_file_and_a_later_table_file_broken,
                                     _empty_partition_files], ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("task_floor", [1, 10**9], ids=["partition-per-task", "one-task"])
def test_any_grouping_of_a_hostile_layout_reports_what_one_folder_reports(tmp_path, hostile, task_floor):
    corpus = _gold_partitions(tmp_path)
    hostile(corpus / "data")
    one_folder = validate(corpus)
    for workers in (2,):
        partitioned = validate_partitioned(corpus, "local", num_proc=workers, task_floor=task_floor)
        assert partitioned.unusable == one_folder.unusable
        assert sorted(partitioned.findings) == sorted(one_folder.findings)
        assert partitioned.exit_code == one_folder.exit_code
