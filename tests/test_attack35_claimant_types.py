"""C3 (guidelines 2.23): a claimant says or holds its proposition, so it is never an EVENT or a LAW
(an operation or a treaty states nothing; Q6's speakers and S3's holders are held to the same
types). attack35: an attributed claim of a000 given `maduro-operation` (an EVENT its article
mentions) or one of a001 given `national-security-strategy` (a LAW it mentions) as claimant, one
cell each, validated [claimant-cannot-claim]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "claimant-cannot-claim"
CHANGES = {
    "an EVENT": ("000_68b95635092649cd:c:1503-1545", "donald-trump", "maduro-operation"),
    "a LAW": ("001_f1f49e9dc8ada067:c:2198-2241", "claudia-sheinbaum", "national-security-strategy"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_claim_attributed_to_an_event_or_a_law_is_a_finding(dataset_copy, change):
    claim_id, before, after = CHANGES[change]
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == claim_id)
    assert (row["claimant_id"], row["hedging"]) == (before, "attributed")
    row["claimant_id"] = after
    write_rows(dataset_copy, "claims", claims)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim_id, "claimant_id")]


def test_the_extractor_s_claimants_are_left_to_it(dataset_copy):
    """As Q6's rule: an `auto` row's entity types are the extractor's own guess."""
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == CHANGES["an EVENT"][0])
    row.update(claimant_id="maduro-operation", source="auto", confidence=0.5)
    write_rows(dataset_copy, "claims", claims)
    assert findings_of(dataset_copy, CHECK) == []


def test_the_gold_claimants_pass(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
