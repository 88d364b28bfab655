"""C5: a quantity's bound and unit are read from the words that are the quantity's own (review56's
findings 4 and 5, left open): validate called sound claims wrong.

- A preposition another word governs is no bound: "officials talked about 35 boats", "the dispute
  over 35 islands" given `exact` were findings, "about" and "over" read as the number's hedge and
  lower bound. Where the word modifies the number ("about 35 boats were seized", "seized over 35
  boats") it is still read as one.
- A hedge or bound after the quantity is read as one before it is: "250 to 300 boats, roughly"
  given `approximate`, "35 boats or so", "35 boats at least".
- A death or killing word names what is counted only inside the quantity's own phrase: "50,000
  people a year flee cartel killings" counts people fleeing (`people/year`), where "300 people a year
  are killed" and "killing 250,000 people annually" count deaths (`deaths/year`).
"""

from __future__ import annotations

import pytest

from landstrikes.schema.guideline_rules import unit_against_words
from landstrikes.schema.quantity_bounds import _mismatch


@pytest.mark.parametrize("text, low, high, bound", [
    ("officials talked about 35 boats seized", 35, 35, "exact"),
    ("the dispute over 35 islands", 35, 35, "exact"),
    ("the two navies argued over 35 boats", 35, 35, "exact"),
    ("a row over 12 tons of cocaine", 12, 12, "exact"),
    ("fishermen worried about 40% of the catch", 40, 40, "exact"),
    ("the patrol sailed around 35 islands", 35, 35, "exact"),
    ("the inquiry heard about 35 boats", 35, 35, "exact"),
    ("the dispute over about 35 islands", 35, 35, "approximate"),  # the hedge is the number's own
])
def test_a_preposition_another_word_governs_is_no_bound(text, low, high, bound):
    assert _mismatch(text, low, high, bound) is None


@pytest.mark.parametrize("text, low, high, bound", [
    ("250 to 300 boats, roughly", 250, 300, "approximate"),
    ("between 250 and 300 boats, approximately", 250, 300, "approximate"),
    ("35 boats, roughly", 35, 35, "approximate"),
    ("35 boats or so", 35, 35, "approximate"),
    ("35-odd boats", 35, 35, "approximate"),
    ("300 deaths a year, more or less", 300, 300, "approximate"),
    ("35 boats at least", 35, 35, "at_least"),
    ("35 boats, at the most", 35, 35, "at_most"),
])
def test_a_hedge_or_bound_after_the_quantity_is_read(text, low, high, bound):
    assert _mismatch(text, low, high, bound) is None


@pytest.mark.parametrize("text, low, high, bound", [
    ("about 35 boats were seized", 35, 35, "exact"),
    ("officials seized about 35 boats", 35, 35, "exact"),
    ("the navy seized over 35 boats", 35, 35, "exact"),
    ("over 35 boats were seized", 35, 35, "exact"),
    ("under 40% of the drugs", 40, 40, "exact"),
    ("250 to 300 boats", 250, 300, "approximate"),  # two ends, no hedge anywhere: a range
    ("35 boats, roughly", 35, 35, "exact"),  # a trailing hedge is a hedge
    ("35 boats at least", 35, 35, "exact"),
    ("35 boats or so", 35, 35, "at_least"),
])
def test_a_bound_the_quantitys_own_words_contradict_is_still_a_finding(text, low, high, bound):
    assert _mismatch(text, low, high, bound) is not None


@pytest.mark.parametrize("text", [
    "50,000 people a year flee cartel killings",
    "50,000 people a year flee killings",
    "killings drive 50,000 people a year from their homes",
    "12,000 people escape the violence and killings every year",
    "30,000 people a year move away from the deadly border towns",
])
def test_a_killing_word_outside_the_quantitys_phrase_leaves_people_per_year(text):
    assert unit_against_words("people/year", text, None) is None


@pytest.mark.parametrize("text", [
    "300 people a year are killed",
    "killing 250,000 to 300,000 people every year",
    "250,000 drug deaths a year",
    "hundreds of thousands of deaths annually",
    "300 people die every year",
    "the deaths of some 300 people a year",
    "an estimated 2.5 million people killed each year",
])
def test_a_killing_word_of_the_quantity_still_asks_deaths_per_year(text):
    assert unit_against_words("people/year", text, None) is not None
