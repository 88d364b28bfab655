"""C5: a claim's quantity is what its words state. attack55 relabelled gold quantities, low and high
kept where a point needs them, and each validated:

- the bound (C5 2.36: `exact` for a point stated as such, "97%"; `range` for two stated ends,
  "between 250,000 and 300,000"; `at_least` / `at_most` for one stated end, "at least 35";
  `approximate` for a hedged one, "roughly 40%", or a vague phrase) [quantity-bound-not-its-words];
- the unit (C5 2.31: it names what the words count; "deaths/year where they name deaths or
  killing"): a fall given `percent_increase`, a share `percent_increase`, a change ("a roughly 40%
  drop") the share unit `percent`, deaths `people/year` [quantity-unit-not-its-words]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

from landstrikes.schema.guideline_rules import unit_against_words
from landstrikes.schema.quantity_bounds import _mismatch

BOUND, UNIT = "quantity-bound-not-its-words", "quantity-unit-not-its-words"
RELABELLED = [
    ("002_f6c5fed12bcb1118:c:898-1007", "at least 35 boats", "quantity_bound", ["exact", "approximate", "at_most"]),
    ("002_f6c5fed12bcb1118:c:1117-1170", "97%", "quantity_bound", ["approximate", "at_least", "at_most"]),
    ("004_26f752040ea19616:c:3119-3196", "roughly 40%", "quantity_bound", ["exact", "at_least"]),
    ("000_68b95635092649cd:c:1252-1353", "between 250,000 and 300,000", "quantity_bound", ["approximate"]),
    ("002_f6c5fed12bcb1118:c:9788-9839", "15 metric tons", "quantity_bound", ["range"]),  # a range has two ends
    ("002_f6c5fed12bcb1118:c:9869-9971", "a 12% reduction", "quantity_unit", ["percent_increase"]),
    ("002_f6c5fed12bcb1118:c:8809-8913", "62% of Mexicans oppose", "quantity_unit", ["percent_increase"]),
    ("004_26f752040ea19616:c:3119-3196", "a roughly 40% drop", "quantity_unit", ["percent"]),
    ("000_68b95635092649cd:c:1129-1235", "hundreds of thousands of deaths annually", "quantity_unit", ["people/year"]),
    ("001_f1f49e9dc8ada067:c:909-1004", "killing 250,000 to 300,000 people", "quantity_unit", ["people/year"]),
]


@pytest.mark.parametrize("claim_id, words, column, value", [(c, w, col, v) for c, w, col, vs in RELABELLED for v in vs])
def test_a_bound_or_unit_the_words_do_not_give_is_a_finding(dataset_copy, claim_id, words, column, value):
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == claim_id)
    assert words in row["text"] and row[column] != value
    row[column] = value
    write_rows(dataset_copy, "claims", claims)
    check = BOUND if column == "quantity_bound" else UNIT
    assert findings_of(dataset_copy, check) == [(check, claim_id, column)]


def test_the_gold_quantities_are_their_words(dataset_copy):
    assert findings_of(dataset_copy, BOUND) == [] and findings_of(dataset_copy, UNIT) == []


@pytest.mark.parametrize("text, low, high, bound", [
    ("more than 1,200 people", 1200, 1200, "at_least"),
    ("35 boats or more", 35, 35, "at_least"),
    ("up to 40% of the drugs", 40, 40, "at_most"),
    ("an estimated 3 million people", 3e6, 3e6, "approximate"),
    ("about 12 tons", 12, 12, "approximate"),
    ("roughly 20,000 to 30,000 deaths", 20000, 30000, "approximate"),  # a hedged range
    ("three boats", 3, 3, "exact"),  # in words: not judged
    ("dozens of boats", 24, 99, "approximate"),  # C5's table: vague-quantity-off-table's
    ("at least 35 boats and 97% of the drugs", 97, 97, "exact"),  # the qualifier is another number's
])
def test_bounds_the_words_give_or_leave_open_pass(text, low, high, bound):
    assert _mismatch(text, low, high, bound) is None


@pytest.mark.parametrize("text, unit", [
    ("crime rose by a 15% increase", "percent_increase"),
    ("arrests jumped 30%", "percent_increase"),
    ("flows fell 12%", "percent_decrease"),
    ("97% of drugs coming in by sea had been disrupted", "percent"),
    ("We’ve knocked out 97% of the drugs coming in by water", "percent"),
    ("12,000 people cross the border every year", "people/year"),
])
def test_units_the_words_give_pass(text, unit):
    assert unit_against_words(unit, text, None) is None
