"""C9: "`contradicted_by` lists the other-article claims of other variants", and a claim is
`contradicted` when another article has a claim of its cluster with another variant. attack25
emptied a000's `contradicted_by` and called the claim `corroborated` while a002's claim of the
other variant still listed it: validate said VALID (each claim's own links agreed with its own
label, and nothing compared the two sides) [contradiction-links-incomplete]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "contradiction-links-incomplete"


def test_a_claim_no_longer_listing_its_contradiction_is_a_finding(dataset_copy):
    claims = rows_of(dataset_copy, "claims")
    claim = next(c for c in claims if c["contradicted_by"])
    partner = claim["contradicted_by"][0]
    claim.update(contradicted_by=[], consistency="corroborated")
    write_rows(dataset_copy, "claims", claims)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim["claim_id"], "contradicted_by")]
    assert partner  # (its partner still lists it: the two sides disagree)


def test_a_contradiction_between_claims_of_one_variant_is_a_finding(dataset_copy):
    """The partner given the claim's own variant: both still list each other, but one variant
    contradicts nothing."""
    claims = rows_of(dataset_copy, "claims")
    claim = next(c for c in claims if c["contradicted_by"])
    partner = next(c for c in claims if c["claim_id"] == claim["contradicted_by"][0])
    partner["variant_id"] = claim["variant_id"]
    write_rows(dataset_copy, "claims", claims)
    found = findings_of(dataset_copy, CHECK)
    assert {(CHECK, claim["claim_id"], "contradicted_by"), (CHECK, partner["claim_id"], "contradicted_by")} <= set(found)


def test_the_gold_contradictions_are_listed_on_both_sides(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
