"""C5 read from the quantity's own words (review61 on extract57's reading).

- A word written after the quantity bounds it only where it ends the quantity's phrase: "roughly 20
  miles", "at least 10 of them", "approximately 200 miles" lead a phrase (and a number) of their own,
  so "35 people roughly 20 miles off the coast" given `exact` is sound, where "35 boats, roughly" is
  a hedge. "plus", "or more", "or fewer" before another number join two quantities; "odd" hedges
  only right after the number ("35 odd years", not "35 people on odd days").
- A killing word counts the number after a passive verb ("300 people are shot dead every year", "are
  found dead", "are reported killed", "are beaten to death") and as the subject of a verb that
  measures it ("overdose deaths reached 70,000 a year", "the death toll is 300"): extract57 let
  `people/year` through on each, which the word-anywhere reading before it refused.
"""

from __future__ import annotations

import re

import pytest

from landstrikes.schema.guideline_rules import unit_against_words
from landstrikes.schema.quantity_bounds import _mismatch

BOUNDS = """
The strike killed 35 people roughly 20 miles off the coast        | exact       | sound: 'roughly' leads '20 miles'
The navy sank 35 boats, at least 10 of them in the Pacific        | exact       | sound: 'at least' bounds 10
The navy sank 35 boats, approximately 20 of them in the Pacific   | exact       | sound
The navy sank 35 boats, at most 3 of which carried drugs          | exact       | sound
Forces sank 35 boats roughly every month                          | exact       | sound: 'roughly' leads 'every month'
Strikes killed 14 people roughly a week apart                     | exact       | sound
The 35 boats were seized approximately 200 miles offshore         | exact       | sound
The navy sank 35 boats, at least for now                          | exact       | sound: a phrase of its own
The navy sank 35 boats plus 10 rafts                              | exact       | sound: two quantities added
The navy sank 35 boats and more than 10 rafts                     | exact       | sound
The ferry carried 35 people on odd days                           | exact       | sound: 'odd' is the days'
The ferry carried 35 people more or less every week               | exact       | sound: the hedge is the week's
35 boats, roughly, were seized                                    | exact       | finding: the hedge ends the phrase
35 boats, at least, were sunk                                     | exact       | finding
The navy sank 35 boats at least.                                  | exact       | finding
The navy sank 35 boats, at most.                                  | exact       | finding
40 plus boats were sunk                                           | exact       | finding
The war lasted 35 odd years                                       | exact       | finding: '35 odd years'
The navy sank 35 boats, give or take 5                            | exact       | finding
"""
"""The claim's words | the bound given | whether validate's reading of the words agrees (why)."""

UNITS = """
300 people are shot dead every year                       | finding: deaths are counted
about 300 people a year are found dead in the desert      | finding
300 people a year are reported killed                     | finding
300 migrants are beaten to death each year                | finding
300 people a year are feared dead                         | finding
overdose deaths reached 70,000 a year                     | finding: the deaths are what 70,000 measures
the death toll is 300 people a year                       | finding
deaths rose to 300 a year                                 | finding
the number of killings was 300 a year                     | finding
30,000 people a year are forced to flee the killings      | sound: what they flee
killings force 50,000 people a year to flee               | sound
cartel killings displace 50,000 people a year             | sound
50,000 people a year leave, fleeing killings              | sound
"""
"""The claim's words given `people/year` | whether that unit is what they count (why)."""


def _rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in table.strip().splitlines()]


@pytest.mark.parametrize("text, bound, verdict", _rows(BOUNDS))
def test_a_word_after_the_quantity_bounds_it_only_where_its_phrase_ends(text, bound, verdict):
    number = float(re.findall(r"\d+", text)[0])
    why = _mismatch(text, number, number, bound)
    assert (why is None) == verdict.startswith("sound"), why


@pytest.mark.parametrize("text, verdict", _rows(UNITS))
def test_people_per_year_is_refused_where_a_passive_or_measuring_verb_counts_deaths(text, verdict):
    why = unit_against_words("people/year", text, None)
    assert (why is None) == verdict.startswith("sound"), why
