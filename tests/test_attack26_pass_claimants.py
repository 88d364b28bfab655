"""A claims pass's claimant is an entity of the catalogue its reader was given (its partner
release's), or empty; any other id is refused in one line naming file and line.

The claim type and hedging of a pass row are held to their closed label sets (a label outside
them would count as a category of its own), but the claimant, compared with the gold's for
`claimant_agreement`, was taken as written: a misspelt id (`donald-trump ` with a trailing space,
`donal-trump`) was one more disagreement, and the published figure fell, exit 0 (attack26)."""

from __future__ import annotations

import pytest

from landstrikes.documents.claimspasses import SIXTH, pass_agreement
from landstrikes.errors import BuildError
from test_claims_passes import dataset, gold_as_a_pass  # noqa: F401 (a fixture)


@pytest.mark.parametrize("claimant", ["donal-trump", "donald-trump ", "Donald Trump"])
def test_a_claimant_the_catalogue_lacks_is_refused(dataset, claimant):  # noqa: F811
    def edit(rows):
        rows[2][4] = claimant
        return rows

    gold_as_a_pass(dataset / SIXTH, edit)
    with pytest.raises(BuildError) as raised:
        pass_agreement(dataset, "sixth")
    message = str(raised.value)
    assert "claims.tsv:4:" in message and "claimant_id" in message and "[unknown-reference]" in message and "\n" not in message


def test_another_catalogued_claimant_is_a_disagreement(dataset):  # noqa: F811
    def edit(rows):
        rows[2][4] = "claudia-sheinbaum" if rows[2][4] != "claudia-sheinbaum" else "donald-trump"
        return rows

    gold_as_a_pass(dataset / SIXTH, edit)
    assert pass_agreement(dataset, "sixth")["claimant_agreement"] < 1.0
