"""One cell, one finding: an extractor cluster's count edited alone (n_claims 1 -> 2, n_articles
1 -> 2) gave two findings, `cluster-counts-mismatch` (the claims give
1) and `auto-claim-not-default` (the extractor counts its one claim, C9 2.27). silver39 left it:
the consistent edit (a claim of another article relabelled into the cluster, the counts moved with
it) is only `auto-claim-not-default`'s, so that one must stay. Now `cluster-counts-mismatch` stands
aside on an extractor cluster's count that is not the extractor's 1: that row has its
`auto-claim-not-default` finding. (`contradicted` made True is left: it also breaks the
contradiction rules, four findings, not two.) A count left at 1 beside a second claim, and an
annotator's cluster, are still `cluster-counts-mismatch`'s."""

from __future__ import annotations

import pytest

from attack36_tools import findings_of, rows_of, write_rows
from test_silver39_engine import _partitioned
from one_folder_report import same_as_one_folder

DEFAULTS, COUNTS = "auto-claim-not-default", "cluster-counts-mismatch"


@pytest.mark.parametrize("column,value", [("n_claims", 2), ("n_articles", 2), ("n_claims", 3)])
def test_one_cell_of_an_extractor_cluster_is_one_finding(silver_copy, column, value):
    clusters = rows_of(silver_copy, "claim_clusters")
    clusters[0][column] = value
    write_rows(silver_copy, "claim_clusters", clusters)
    assert findings_of(silver_copy) == [(DEFAULTS, clusters[0]["cluster_id"], column)]


def _second_claim_joins(folder, counts: dict) -> tuple[dict, dict]:
    claims, clusters = rows_of(folder, "claims"), rows_of(folder, "claim_clusters")
    first = claims[0]
    joining = next(c for c in claims if c["article_id"] != first["article_id"])
    gone = joining["cluster_id"]
    joining["cluster_id"] = first["cluster_id"]
    cluster = next(k for k in clusters if k["cluster_id"] == first["cluster_id"])
    cluster.update(counts)
    write_rows(folder, "claims", claims)
    write_rows(folder, "claim_clusters", [k for k in clusters if k["cluster_id"] != gone])
    return cluster, joining


def test_the_consistent_edit_is_still_auto_claim_not_default_s(silver_copy):
    cluster, _ = _second_claim_joins(silver_copy, {"n_claims": 2, "n_articles": 2})
    found = findings_of(silver_copy)
    assert (DEFAULTS, cluster["cluster_id"], "n_claims") in found
    assert not [f for f in found if f[0] == COUNTS]


def test_a_count_left_at_one_beside_a_second_claim_is_still_a_mismatch(silver_copy):
    cluster, _ = _second_claim_joins(silver_copy, {})
    found = findings_of(silver_copy)
    assert (COUNTS, cluster["cluster_id"], "n_claims") in found
    assert (COUNTS, cluster["cluster_id"], "n_articles") in found


def test_an_annotator_s_cluster_count_is_still_a_mismatch(silver_copy):
    clusters = rows_of(silver_copy, "claim_clusters")
    clusters[0].update(n_claims=2, source="annotator", confidence=None)
    write_rows(silver_copy, "claim_clusters", clusters)
    assert (COUNTS, clusters[0]["cluster_id"], "n_claims") in findings_of(silver_copy)


def test_one_cell_is_one_finding_under_the_engine_too(silver_copy):
    clusters = rows_of(silver_copy, "claim_clusters")
    clusters[0]["n_claims"] = 2
    write_rows(silver_copy, "claim_clusters", clusters)
    found = same_as_one_folder(_partitioned(silver_copy))
    assert [(f.check, f.row_id, f.column) for f in found] == [(DEFAULTS, clusters[0]["cluster_id"], "n_claims")]
