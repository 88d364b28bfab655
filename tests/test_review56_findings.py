"""review56: hostile review of session 39's merged diff (f77581d0..be0f0904)."""

from __future__ import annotations

import pytest

from landstrikes.schema.quantity_bounds import _mismatch


@pytest.mark.parametrize("text", [
    "between 250 and roughly 300 boats",
    "from 250 to about 300 boats",
    "250 to an estimated 300 boats",
])
def test_a_range_hedged_at_its_high_end_is_approximate(text):
    # quantity-bound-not-its-words read the hedge before the low end only, and its finding said
    # "both ends ... are written with no hedge" of a range whose high end the words hedge
    assert _mismatch(text, 250.0, 300.0, "approximate") is None


def test_an_unhedged_range_given_approximate_is_still_a_finding():
    assert "no hedge" in _mismatch("between 250 and 300 boats", 250.0, 300.0, "approximate")


def test_lives_the_verb_does_not_make_people_deaths():
    # quantity-unit-not-its-words refused `people/year` wherever the words held a death word, and
    # `\blives\b` is also the verb: "where she lives" is no death
    from landstrikes.schema.guideline_rules import unit_against_words
    assert unit_against_words("people/year", "50,000 people a year move to the city where she lives", 50000) is None
    assert unit_against_words("people/year", "50,000 people are killed each year", 50000) is not None
    assert unit_against_words("deaths/year", "the conflict claims 300 lives a year", 300) is None  # still deaths
