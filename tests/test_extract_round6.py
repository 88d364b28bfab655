"""Issue 17, sixth round: classes of error the precision audit's first two batches found in the
extractor's quote rows, fixed as rules. Each test states one rule on sentences written for it
(invented names, bodies and places); each failed before its rule."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def _row(text: str, start_words: str, kind: str | None = None) -> dict:
    rows = _rows(text)
    quote = next(q for q in rows["quotes"] if q["text"].startswith(start_words) and kind in (None, q["kind"]))
    return {**quote, "speaker_words": _speaker_text(rows, quote)}


def test_an_indirect_span_runs_through_a_partial_quotation_that_ends_its_clause():
    text = 'Norcom opened a depot in May.\n\nTom Hale said the new depot was "far too small for the region".\n'
    row = _row(text, "the new depot", "indirect")
    assert row["text"] == 'the new depot was "far too small for the region"'


def test_an_indirect_span_stops_before_a_partial_quotation_the_clause_goes_on_after():
    text = 'Norcom opened a depot in May.\n\nTom Hale said the depot was "far too small" for a region of this size.\n'
    row = _row(text, "the depot", "indirect")
    assert row["text"] == 'the depot was "far too small" for a region of this size'


def test_quoted_words_ending_a_sentence_do_not_take_the_next_sentences_reporting_verb():
    text = ('Norcom opened a depot in May.\n\n'
            'Tom Hale said the new depot was "far too small for the region". Ann Lee, who runs it, said sales had doubled.\n')
    row = _row(text, "far too small", "partial")
    assert (row["speaker_words"], row["cue_text"]) == ("Tom Hale", "said")
