"""A NOMINAL mention keeps its definite determiner or possessive (M1: "his first sit-down
interview", not "first sit-down interview"): attack28 shrank gold nominals onto their noun, text
re-sliced, id re-derived and the references moved, and validate passed
[nominal-without-determiner]. Releases 2.0.0 to 2.8.1 shipped exactly that row
("first sit-down interview" after "In his", found by hand in the review of 2.9.0,
docs/notes/gold29_review.tsv b5)."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "nominal-without-determiner"
SHRUNK = {
    "The US President": 4,  # a quote's speaker mention: the quote follows it
    "her foreign minister": 4,
    "Mexico’s government": 9,
    "his first sit-down interview": 4,  # the row releases 2.0.0-2.8.1 had
}


@pytest.mark.parametrize("text", sorted(SHRUNK))
def test_a_nominal_without_the_determiner_before_it_is_a_finding(dataset_copy, text):
    mentions = rows_of(dataset_copy, "mentions")
    row = next(m for m in mentions if m["kind"] == "NOMINAL" and m["text"] == text)
    old = row["mention_id"]
    row["start"] += SHRUNK[text]
    row["text"] = text[SHRUNK[text]:]
    row["mention_id"] = f"{row['article_id']}:m:{row['start']}-{row['end']}"
    mentions.sort(key=lambda m: (m["article_id"], m["start"], m["end"]))
    write_rows(dataset_copy, "mentions", mentions)
    quotes = rows_of(dataset_copy, "quotes")
    for quote in quotes:
        if quote["speaker_mention_id"] == old:
            quote.update(speaker_mention_id=row["mention_id"], speaker_start=row["start"], speaker_text=row["text"])
    write_rows(dataset_copy, "quotes", quotes)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(row["mention_id"], "start")]


def test_the_gold_nominals_keep_their_determiners(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
