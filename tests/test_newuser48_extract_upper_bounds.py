"""'As many as' and 'as much as' put a ceiling on a number, as 'up to' does (newuser48).

A user's invented article said automated terminals "had cut dock employment by as much as 40
percent": the extractor wrote `quantity_bound = at_least`, the opposite of what the words state
(guidelines C5: the bound is what the words give). Written against that article only; no gold
text holds either phrase, so the in-sample figures cannot move.
"""

from __future__ import annotations

import pytest

from landstrikes.extract.claims import find_claims


def bounds(text: str) -> dict[str, str]:
    return {text[c.start:c.end]: c.bound for c in find_claims(text)}


@pytest.mark.parametrize("hedge, bound", [
    ("as many as", "at_most"), ("As many as", "at_most"), ("as much as", "at_most"), ("up to", "at_most"),
    ("at least", "at_least"), ("more than", "at_least"),
])
def test_a_hedge_gives_the_bound_its_words_state(hedge, bound):
    text = f"Officials said {hedge} 40 boats were stopped at sea last year, the ministry reported."
    found = bounds(text)
    assert list(found.values()) == [bound], found
