"""S1: a stance target is what its description defines. The census copied a target under a new
id (stances could then be split between two names of one target) and it validated; two targets
whose descriptions say the same thing, in any case, normal form or spacing, are now
`target-descriptions-repeat`, on the later id, one folder and `validate --engine` alike."""

from __future__ import annotations

from attack25_tools import rows_of, write_rows
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


def repeats(report) -> list[tuple[str, str, str]]:
    return [(f.table, f.row_id, f.column) for f in report.findings if f.check == "target-descriptions-repeat"]


def test_the_gold_targets_are_described_once_each(built_dataset):
    assert repeats(validate(built_dataset)) == []


def test_a_target_copied_under_a_new_id_is_a_finding(dataset_copy):
    targets = rows_of(dataset_copy, "stance_targets")
    targets.append({**targets[1], "target_id": "zz-copy"})
    write_rows(dataset_copy, "stance_targets", targets)
    assert repeats(validate(dataset_copy)) == [("stance_targets", "zz-copy", "description")]


def test_a_description_restated_in_other_case_and_spacing_is_the_same_target(dataset_copy):
    targets = rows_of(dataset_copy, "stance_targets")
    first, second = sorted(targets, key=lambda t: t["target_id"])[:2]
    second["description"] = "  ".join(first["description"].upper().split(" "))
    write_rows(dataset_copy, "stance_targets", targets)
    assert repeats(validate(dataset_copy)) == [("stance_targets", second["target_id"], "description")]


def test_the_engine_reports_the_repeat_once_as_one_folder_does(dataset_copy, tmp_path):
    targets = rows_of(dataset_copy, "stance_targets")
    targets.append({**targets[0], "target_id": "zz-copy"})
    write_rows(dataset_copy, "stance_targets", targets)
    one = validate(dataset_copy)
    repartition(dataset_copy / "data", tmp_path / "parts" / "data")
    partitioned = validate_partitioned(tmp_path / "parts", "local", num_proc=2, task_floor=1)
    assert repeats(one) == [("stance_targets", "zz-copy", "description")]
    assert sorted(partitioned.findings) == sorted(one.findings)
