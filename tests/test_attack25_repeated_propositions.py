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


def _split_cluster(folder, spell) -> tuple[str, str]:
    """Split a two-claim cluster without variants in two, the second named anew with the first's
    proposition (spelt by `spell`), counts and consistency labels kept consistent."""
    clusters_path = folder / "data" / "claim_clusters" / "claim_clusters.parquet"
    claims_path = folder / "data" / "claims" / "claims.parquet"
    clusters_arrow, claims_arrow = pq.read_table(clusters_path), pq.read_table(claims_path)
    clusters = {n: clusters_arrow.column(n).to_pylist() for n in clusters_arrow.column_names}
    claims = {n: claims_arrow.column(n).to_pylist() for n in claims_arrow.column_names}
    row = next(i for i in range(len(clusters["cluster_id"]))
               if clusters["n_claims"][i] == 2 and clusters["n_articles"][i] == 2 and not clusters["variant_ids"][i])
    old = clusters["cluster_id"][row]
    new = old + "-b"
    for name in clusters:
        clusters[name].append(clusters[name][row])
    clusters["cluster_id"][-1], clusters["proposition"][-1] = new, spell(clusters["proposition"][row])
    clusters["n_claims"][row] = clusters["n_articles"][row] = clusters["n_claims"][-1] = clusters["n_articles"][-1] = 1
    members = [i for i, c in enumerate(claims["cluster_id"]) if c == old]
    claims["cluster_id"][members[1]] = new
    for i in members:
        claims["consistency"][i] = "uncorroborated"
    pq.write_table(pa.Table.from_pydict(clusters, schema=clusters_arrow.schema), clusters_path)
    pq.write_table(pa.Table.from_pydict(claims, schema=claims_arrow.schema), claims_path)
    return old, new


@pytest.mark.parametrize("spell", [str, str.lower], ids=["same", "lower-case"])
def test_two_clusters_of_one_proposition_are_a_finding(dataset_copy, spell):
    """C7: a cluster groups the claims that state one proposition; split in two, each claim read
    `uncorroborated` and validate said VALID (attack25) [cluster-propositions-repeat]."""
    old, new = _split_cluster(dataset_copy, spell)
    report = validate(dataset_copy)
    found = [(f.check, f.row_id, f.column) for f in report.findings if f.check == "cluster-propositions-repeat"]
    assert found == [("cluster-propositions-repeat", max(old, new), "proposition")]


def test_the_gold_clusters_state_distinct_propositions(dataset_copy):
    assert [f for f in validate(dataset_copy).findings if f.check == "cluster-propositions-repeat"] == []
