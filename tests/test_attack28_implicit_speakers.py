"""An implicit quote's speaker has no mention in its sentence (Q9: "clear from context but no
mention in the sentence"): attack28 turned attributed gold quotes whose cue's subject names the
speaker ("Trump further alleged that ...") implicit, mention and speaker words dropped as Q9 and
Q16 want, and validate passed [implicit-speaker-mentioned]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows
from landstrikes.schema.implicit_speakers import _sentence

CHECK = "implicit-speaker-mentioned"
MADE_IMPLICIT = [
    "000_68b95635092649cd:q:1129-1235",  # Trump further alleged that ...
    "001_f1f49e9dc8ada067:q:2658-2676",  # David Saucedo described them as a "..."
    "002_f6c5fed12bcb1118:q:1592-1766",  # ... and said that ... (Claudia Sheinbaum earlier in the sentence)
    "004_26f752040ea19616:q:7888-7942",  # The announcement that Trump says ... (a headline-like line)
]


@pytest.mark.parametrize("quote_id", MADE_IMPLICIT)
def test_an_implicit_quote_whose_sentence_names_its_speaker_is_a_finding(dataset_copy, quote_id):
    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if q["quote_id"] == quote_id)
    assert row["speaker_status"] == "attributed"
    row.update(speaker_status="implicit", speaker_mention_id=None, speaker_start=None, speaker_end=None, speaker_text=None)
    write_rows(dataset_copy, "quotes", quotes)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(quote_id, "speaker_status")]


def test_the_gold_implicit_quote_passes(dataset_copy):
    assert any(q["speaker_status"] == "implicit" for q in rows_of(dataset_copy, "quotes"))
    assert findings_of(dataset_copy, CHECK) == []


@pytest.mark.parametrize("text, quoted, sentence", [
    ("Trump spoke. “We won,” he said. Then he left.", "We won,", "“We won,” he said."),
    ("He arrived.\n“It is over.” Trump left at noon.", "It is over.", "“It is over."),  # its own stop ends it
    ("Asked why, “Really?” he asked. More.", "Really?", "Asked why, “Really?” he asked."),  # a lowercase word goes on
    ("The U.S. President said “no” to it", "no", "President said “no” to it"),  # cut at an abbreviation: may miss, never invent
])
def test_the_sentence_is_cut_generously(text, quoted, sentence):
    start = text.index(quoted)
    begin, finish = _sentence(text, start, start + len(quoted))
    assert text[begin:finish] == sentence
