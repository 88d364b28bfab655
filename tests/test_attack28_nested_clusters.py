"""A quote nested in a parent of the same cue (a partial inside its cue's indirect speech) is in
its parent's cluster (Q4, Q12): attack28 moved three such partials into clusters of their own
(similarity 1.0, as a one-row cluster's reference), and validate passed
[nested-quote-cluster-differs]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "nested-quote-cluster-differs"
NESTED = ["001_f1f49e9dc8ada067:q:2039-2070", "003_53ec89303f4de55c:q:1124-1144", "004_26f752040ea19616:q:2642-2657"]


@pytest.mark.parametrize("quote_id", NESTED)
def test_a_nested_partial_out_of_its_parent_s_cluster_is_a_finding(dataset_copy, quote_id):
    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if q["quote_id"] == quote_id)
    parent = next(q for q in quotes if q["quote_id"] == row["parent_quote_id"])
    assert (row["kind"], parent["kind"], row["cluster_id"]) == ("partial", "indirect", parent["cluster_id"])
    row.update(cluster_id=quote_id, cluster_similarity=1.0)
    write_rows(dataset_copy, "quotes", quotes)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(quote_id, "cluster_id")]


def test_a_nested_quote_with_a_cue_of_its_own_is_not_judged(dataset_copy):
    """Trump quoting his own question ("asked") inside his answer ("said"): another utterance."""
    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if q["quote_id"] == "000_68b95635092649cd:q:2283-2325")
    row.update(cluster_id=row["quote_id"], cluster_similarity=1.0)
    write_rows(dataset_copy, "quotes", quotes)
    assert findings_of(dataset_copy, CHECK) == []
