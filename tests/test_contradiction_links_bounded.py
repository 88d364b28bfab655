"""contradiction-links-incomplete names each claim a list lacks, one finding each, up to
MAX_LACKING; past it the claim is one finding naming how many (session 28, left open by attack30:
a cluster of C claims in C articles with C variants and empty lists was C x (C - 1) findings,
10^8 at C = 10^4). Below the bound the findings are the pairs, on both of the check's paths."""

from __future__ import annotations

import pandas as pd
import pytest

import landstrikes.schema.checkcorpus as checkcorpus
import landstrikes.schema.contradiction_links as links
from landstrikes.schema.report import Report


def _claims(size: int, listed_by_first: int = 0) -> pd.DataFrame:
    """`size` claims of one cluster, each in its own article with its own variant, no list but the
    first claim's, which lists the next `listed_by_first` claims."""
    ids = [f"a{k}:c:0-1" for k in range(size)]
    return pd.DataFrame({"claim_id": ids, "article_id": [f"a{k}" for k in range(size)], "cluster_id": "c-one",
                         "variant_id": [f"v{k}" for k in range(size)],
                         "contradicted_by": [ids[1:1 + listed_by_first]] + [[] for _ in range(size - 1)]})


def _findings(claims: pd.DataFrame) -> list:
    report = Report("generated")
    links.check_contradiction_links({"claims": claims}, report)
    return report.findings


@pytest.mark.parametrize("direct", [True, False], ids=["pairs-listed", "counted-by-groups"])
def test_a_claim_lacking_more_than_the_bound_is_one_finding_naming_how_many(monkeypatch, direct):
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 10**9 if direct else 0)
    size = links.MAX_LACKING + 50
    findings = _findings(_claims(size, listed_by_first=40))
    assert len(findings) == size  # one per claim, not size x (size - 1)
    first = next(f for f in findings if f.row_id == "a0:c:0-1")
    assert first.value == str(size - 1 - 40) and "lacks 109 claims" in first.message
    assert {f.value for f in findings if f.row_id != "a0:c:0-1"} == {str(size - 1)}


@pytest.mark.parametrize("direct", [True, False], ids=["pairs-listed", "counted-by-groups"])
def test_up_to_the_bound_each_lacking_claim_is_named(monkeypatch, direct):
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 10**9 if direct else 0)
    size = links.MAX_LACKING + 1  # each claim lacks exactly MAX_LACKING
    findings = _findings(_claims(size))
    assert len(findings) == size * (size - 1)
    assert {f.value for f in findings if f.row_id == "a0:c:0-1"} == {f"a{k}:c:0-1" for k in range(1, size)}


def test_a_lacking_claim_whose_id_is_null_is_named_as_any_null_row_is():
    """attack31: the message said "lacks None" (the row id column says <null>)."""
    claims = _claims(3)
    claims.loc[2, "claim_id"] = None
    lacking = [f for f in _findings(claims) if f.row_id == "a0:c:0-1"]
    assert any("lacks <null>:" in f.message for f in lacking), [f.message for f in lacking]
