"""C9: variants name incompatible versions of a proposition, so two variants of one cluster never
state the same proposition. attack25 gave c-trump-very-sad's second variant the first one's
proposition, as written and in capitals: validate said VALID [variant-propositions-repeat]."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate

CLUSTER = "c-trump-very-sad"


def _restate_second_variant(folder, spell) -> None:
    path = folder / "data" / "claim_clusters" / "claim_clusters.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    row = columns["cluster_id"].index(CLUSTER)
    first = columns["variant_propositions"][row][0]
    columns["variant_propositions"][row] = [first, spell(first)] + columns["variant_propositions"][row][2:]
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)


def _findings(folder) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column) for f in report.findings if f.check == "variant-propositions-repeat"]


@pytest.mark.parametrize("spell", [str, str.upper, lambda p: "  " + p.replace(" ", "\u00a0")], ids=["same", "capitals", "other-spaces"])
def test_two_variants_stating_one_proposition_are_a_finding(dataset_copy, spell):
    _restate_second_variant(dataset_copy, spell)
    assert _findings(dataset_copy) == [("variant-propositions-repeat", CLUSTER, "variant_propositions")]


def test_the_gold_variants_state_distinct_propositions(dataset_copy):
    assert _findings(dataset_copy) == []
