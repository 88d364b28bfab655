"""The quote rows of one cue name one speech event (Q3, Q4, Q14): attack28 found a split quote's
half, or a partial quote inside its cue's indirect speech, with its `event_id` dropped or given
while the other row of its cue kept its own, validated [cue-rows-event-differs]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "cue-rows-event-differs"
A000 = "000_68b95635092649cd"
CHANGES = {
    # (the row changed, its new event, the row of the same cue that comes first)
    "a split quote's second half without its event": (f"{A000}:q:1012-1099", None, f"{A000}:q:853-919"),
    "a split quote's first half without its event": (f"{A000}:q:853-919", None, f"{A000}:q:853-919"),
    "a nested partial without its indirect row's event": (f"{A000}:q:675-690", None, f"{A000}:q:639-776"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_rows_of_one_cue_with_two_events_are_a_finding(dataset_copy, change):
    changed, event, first = CHANGES[change]
    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if q["quote_id"] == changed)
    assert row["event_id"] == "fox-news-interview-2026"
    row["event_id"] = event
    write_rows(dataset_copy, "quotes", quotes)
    other = f"{A000}:q:1012-1099" if changed == first else changed  # the row that differs from the first of its cue
    assert [row_id for _, row_id, _ in findings_of(dataset_copy, CHECK)] == [other]


def test_rows_of_one_cue_with_one_event_pass(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


MODES = "cue-shared-by-speech-and-quote"
A002 = "002_f6c5fed12bcb1118"


def test_a_quotation_given_the_verb_of_an_indirect_row_is_a_finding(dataset_copy):
    """'Trump told Fox News’ Sean Hannity that ...: “We’ve knocked ...”': the direct quote given
    "told" (releases 2.1.0-2.6.0 had it so; gold27_review b7), not its colon."""
    quotes = rows_of(dataset_copy, "quotes")
    direct = next(q for q in quotes if q["quote_id"] == f"{A002}:q:1117-1242")
    indirect = next(q for q in quotes if q["quote_id"] == f"{A002}:q:1049-1114")
    assert (direct["cue_text"], indirect["cue_text"]) == (":", "told")
    direct.update({c: indirect[c] for c in ("cue_start", "cue_end", "cue_text", "cue_lemma")})
    write_rows(dataset_copy, "quotes", quotes)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, MODES)] == [(direct["quote_id"], "cue_start")]


def test_partials_inside_the_cue_s_indirect_speech_and_split_halves_pass(dataset_copy):
    assert findings_of(dataset_copy, MODES) == []
