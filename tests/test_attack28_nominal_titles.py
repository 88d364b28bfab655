"""A NOMINAL is a description, not a title joined to its entity's name (M1): attack28 added a
NOMINAL "Former U.S. President Donald Trump" (releases 1.0.0-2.12.0 had it; gold213_review d12)
or "Former U.S. President" (release 2.13.0) beside a004's NAME "Donald Trump", and validate
passed [nominal-is-a-title]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "nominal-is-a-title"
A004 = "004_26f752040ea19616"


@pytest.mark.parametrize("end", [310, 297], ids=["title and name", "title before the name"])
def test_a_title_given_as_a_nominal_is_a_finding(dataset_copy, end):
    text = rows_of(dataset_copy, "articles")[4]["text"]
    assert text[276:310] == "Former U.S. President Donald Trump"
    mentions = rows_of(dataset_copy, "mentions")
    base = next(m for m in mentions if m["article_id"] == A004 and m["kind"] == "NOMINAL")
    added = dict(base, start=276, end=end, text=text[276:end], entity_id="donald-trump", mention_id=f"{A004}:m:276-{end}")
    mentions.append(added)
    mentions.sort(key=lambda m: (m["article_id"], m["start"], m["end"]))
    write_rows(dataset_copy, "mentions", mentions)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(added["mention_id"], "kind")]


def test_a_possessive_name_opening_a_description_passes(dataset_copy):
    """'Mexico’s government' holds the NAME 'Mexico' at its start (M1's possessive)."""
    assert any(m["text"] == "Mexico’s government" for m in rows_of(dataset_copy, "mentions"))
    assert findings_of(dataset_copy, CHECK) == []
