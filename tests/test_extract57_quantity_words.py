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

import re

import pytest

from landstrikes.schema.guideline_rules import unit_against_words
from landstrikes.schema.quantity_bounds import _mismatch

BOUNDS = """
officials talked about 35 boats seized         | exact       | sound: 'about' is the verb's preposition
the dispute over 35 islands                    | exact       | sound: 'over' is the noun's
the two navies argued over 35 boats            | exact       | sound
a row over 12 tons of cocaine                  | exact       | sound
fishermen worried about 40% of the catch       | exact       | sound
the patrol sailed around 35 islands            | exact       | sound
the inquiry heard about 35 boats               | exact       | sound
the dispute over about 35 islands              | approximate | sound: the hedge is the number's own
250 to 300 boats, roughly                      | approximate | sound: a hedge after the quantity
between 250 and 300 boats, approximately       | approximate | sound
35 boats, roughly                              | approximate | sound
35 boats or so                                 | approximate | sound
35-odd boats                                   | approximate | sound
300 deaths a year, more or less                | approximate | sound
35 boats at least                              | at_least    | sound: a bound after the quantity
35 boats, at the most                          | at_most     | sound
about 35 boats were seized                     | exact       | finding: the number's own hedge
officials seized about 35 boats                | exact       | finding: 'seized' takes a counted object
the navy seized over 35 boats                  | exact       | finding
over 35 boats were seized                      | exact       | finding
under 40% of the drugs                         | exact       | finding
250 to 300 boats                               | approximate | finding: two ends, no hedge: a range
35 boats, roughly                              | exact       | finding: a trailing hedge is a hedge
35 boats at least                              | exact       | finding
35 boats or so                                 | at_least    | finding
"""
"""The claim's words | the bound given | whether validate's reading of the words agrees (why)."""

UNITS = """
50,000 people a year flee cartel killings                     | sound: the killings are what they flee
50,000 people a year flee killings                            | sound
killings drive 50,000 people a year from their homes          | sound
12,000 people escape the violence and killings every year     | sound
30,000 people a year move away from the deadly border towns   | sound
300 people a year are killed                                  | finding: deaths are counted
killing 250,000 to 300,000 people every year                  | finding
250,000 drug deaths a year                                    | finding
hundreds of thousands of deaths annually                      | finding
300 people die every year                                     | finding
the deaths of some 300 people a year                          | finding
an estimated 2.5 million people killed each year              | finding
"""
"""The claim's words given `people/year` | whether that unit is what they count (why)."""


def _rows(table: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in table.strip().splitlines()]


@pytest.mark.parametrize("text, bound, verdict", _rows(BOUNDS))
def test_the_bound_is_read_from_the_quantitys_own_words(text, bound, verdict):
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]
    why = _mismatch(text, numbers[0], numbers[-1], bound)
    assert (why is None) == verdict.startswith("sound"), why


@pytest.mark.parametrize("text, verdict", _rows(UNITS))
def test_people_per_year_is_refused_only_where_the_quantity_counts_deaths(text, verdict):
    why = unit_against_words("people/year", text, None)
    assert (why is None) == verdict.startswith("sound"), why
