"""A repeated id says what is wrong and what to do, one folder and `--engine` alike (newuser59: every
row's line read "Pandera check field_uniqueness failed", naming a check, not the problem)."""

from __future__ import annotations

import pandas as pd
from conftest import load, save

from landstrikes.schema import validate
from landstrikes.schema.duplicate_ids import DUPLICATE_ID_MESSAGE


def test_a_repeated_quote_id_says_it_stands_in_more_than_one_row_and_what_to_do(dataset_copy):
    quotes = load(dataset_copy, "quotes")
    save(dataset_copy, "quotes", pd.concat([quotes, quotes.iloc[[0]]], ignore_index=True))
    found = [f for f in validate(dataset_copy).findings if f.check == "duplicate-id"]
    assert len(found) == 2 and {f.row_id for f in found} == {quotes.iloc[0]["quote_id"]}
    assert all(f.message == DUPLICATE_ID_MESSAGE and "Pandera" not in f.message for f in found)
    assert "keep one" in DUPLICATE_ID_MESSAGE
