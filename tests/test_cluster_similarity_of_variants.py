"""A quote variant's `cluster_similarity` is its words against its cluster's reference (Q12),
re-derived by validate: a variant's score nudged by 1e-5, or two variants' scores swapped, passed
while only the reference and same-text rows were held to 1.0 (attack32's open item)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate
from landstrikes.schema.quote_words import word_similarity


def _quotes(folder: Path) -> tuple[Path, pa.Table]:
    path = folder / "data" / "quotes" / "quotes.parquet"
    return path, pq.read_table(path)


def _variants(table: pa.Table) -> list[int]:
    """Rows scoring below 1.0: variants whose words differ from their reference's."""
    return [i for i, s in enumerate(table.column("cluster_similarity").to_pylist()) if s < 1.0]


def _rescored(folder: Path, scores: dict[int, float]) -> None:
    path, table = _quotes(folder)
    column = table.column("cluster_similarity").to_pylist()
    for row, score in scores.items():
        column[row] = score
    index = table.schema.get_field_index("cluster_similarity")
    pq.write_table(table.set_column(index, table.schema.field(index), pa.array(column, pa.float64())), path)


def _mismatches(folder: Path) -> set[tuple[str, str]]:
    report = validate(folder)
    assert report.unusable is None
    return {(f.row_id, f.column) for f in report.findings if f.check == "cluster-similarity-mismatch"}


def test_the_gold_variants_score_what_their_words_give():
    from conftest import DATASET

    _, table = _quotes(DATASET)
    rows = table.to_pylist()
    variants = _variants(table)
    assert len(variants) >= 5  # the gold has variants to judge
    by_cluster = {}
    for row in rows:
        by_cluster.setdefault(row["cluster_id"], []).append(row)
    for i in variants:
        members = by_cluster[rows[i]["cluster_id"]]
        reference = max(members, key=lambda r: (r["kind"] == "direct", len(r["text"]), r["quote_id"]))
        assert rows[i]["cluster_similarity"] == word_similarity(rows[i]["text"], reference["text"])


def test_a_variant_score_nudged_by_a_hundred_thousandth_is_a_finding(dataset_copy):
    path, table = _quotes(dataset_copy)
    row = _variants(table)[0]
    score = table.column("cluster_similarity")[row].as_py()
    _rescored(dataset_copy, {row: score + 1e-5})
    assert _mismatches(dataset_copy) == {(table.column("quote_id")[row].as_py(), "cluster_similarity")}


def test_two_variants_with_their_scores_swapped_are_two_findings(dataset_copy):
    path, table = _quotes(dataset_copy)
    scores = table.column("cluster_similarity").to_pylist()
    variants = _variants(table)
    a = variants[0]
    b = next(i for i in variants[1:] if scores[i] != scores[a])
    _rescored(dataset_copy, {a: scores[b], b: scores[a]})
    ids = table.column("quote_id").to_pylist()
    assert _mismatches(dataset_copy) == {(ids[a], "cluster_similarity"), (ids[b], "cluster_similarity")}


def test_a_variant_scored_one_is_a_finding(dataset_copy):
    path, table = _quotes(dataset_copy)
    row = _variants(table)[-1]
    _rescored(dataset_copy, {row: 1.0})
    assert _mismatches(dataset_copy) == {(table.column("quote_id")[row].as_py(), "cluster_similarity")}
