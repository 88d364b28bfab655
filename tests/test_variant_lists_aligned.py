"""C9: `variant_propositions` says what each of `variant_ids` asserts, item for item. The census
gave a cluster without variants another cluster's variant proposition and it validated; a list
of propositions longer or shorter than the list of variants is now `variant-lists-misaligned`,
in one folder and under `validate --engine` alike."""

from __future__ import annotations

from attack25_tools import rows_of, write_rows
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


def misaligned(report) -> list[tuple[str, str]]:
    return [(f.row_id, f.column) for f in report.findings if f.check == "variant-lists-misaligned"]


def _cluster_with_variants(clusters):
    return next(c for c in clusters if c["variant_ids"])


def test_the_gold_variants_each_say_what_they_assert(built_dataset):
    assert misaligned(validate(built_dataset)) == []


def test_a_variant_proposition_without_its_variant_is_a_finding(dataset_copy):
    clusters = rows_of(dataset_copy, "claim_clusters")
    plain = next(c for c in clusters if not c["variant_ids"])
    plain["variant_propositions"] = [_cluster_with_variants(clusters)["variant_propositions"][0]]
    write_rows(dataset_copy, "claim_clusters", clusters)
    assert misaligned(validate(dataset_copy)) == [(plain["cluster_id"], "variant_propositions")]


def test_a_variant_without_its_proposition_is_a_finding(dataset_copy):
    clusters = rows_of(dataset_copy, "claim_clusters")
    varied = _cluster_with_variants(clusters)
    varied["variant_propositions"] = varied["variant_propositions"][:1]
    write_rows(dataset_copy, "claim_clusters", clusters)
    assert misaligned(validate(dataset_copy)) == [(varied["cluster_id"], "variant_propositions")]


def test_the_engine_judges_the_lists_as_one_folder_does(dataset_copy, tmp_path):
    clusters = rows_of(dataset_copy, "claim_clusters")
    varied = _cluster_with_variants(clusters)
    varied["variant_propositions"] = varied["variant_propositions"] + ["A third version nobody wrote."]
    write_rows(dataset_copy, "claim_clusters", clusters)
    one = validate(dataset_copy)
    repartition(dataset_copy / "data", tmp_path / "parts" / "data")
    partitioned = validate_partitioned(tmp_path / "parts", "local", num_proc=2, task_floor=1)
    assert misaligned(one) == [(varied["cluster_id"], "variant_propositions")]
    assert sorted(partitioned.findings) == sorted(one.findings)
