"""C5 (2.36): `quantity_bound` says how the words bound the number: `exact` for a point stated as
such ("97%"), `range` for two stated ends ("between 250,000 and 300,000"), `at_least` / `at_most`
for one stated end ("at least 35"), `approximate` for a hedged one ("roughly 40%") or a vague
phrase. attack55: each gold bound below relabelled kept low = high where a point needs it and
validated [quantity-bound-not-its-words]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

from landstrikes.schema.quantity_bounds import _mismatch

CHECK = "quantity-bound-not-its-words"
RELABELLED = [
    ("002_f6c5fed12bcb1118:c:898-1007", "at least 35 boats", ["exact", "approximate", "at_most"]),
    ("002_f6c5fed12bcb1118:c:1117-1170", "97%", ["approximate", "at_least", "at_most"]),
    ("004_26f752040ea19616:c:3119-3196", "roughly 40%", ["exact", "at_least"]),
    ("000_68b95635092649cd:c:1252-1353", "between 250,000 and 300,000", ["approximate"]),
]


@pytest.mark.parametrize("claim_id, words, bound", [(c, w, b) for c, w, bounds in RELABELLED for b in bounds])
def test_a_bound_the_words_do_not_give_is_a_finding(dataset_copy, claim_id, words, bound):
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == claim_id)
    assert words in row["text"] and row["quantity_bound"] != bound
    row["quantity_bound"] = bound
    write_rows(dataset_copy, "claims", claims)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim_id, "quantity_bound")]


def test_a_range_with_one_end_is_a_finding(dataset_copy):
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == "002_f6c5fed12bcb1118:c:9788-9839")  # 15 metric tons, exact
    row["quantity_bound"] = "range"
    write_rows(dataset_copy, "claims", claims)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, row["claim_id"], "quantity_bound")]


def test_the_gold_bounds_are_their_words(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


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
