"""A text the extractor refuses for too many rows costs at most the cap's rows, not the text's.

attack55: `said ` repeated is a reported-speech row every five characters; each row's speaker was
sought (a 300-character window each) and only then were the rows counted, so a 1 M-character text
ran into the time budget instead of being refused. Rows are now counted as they are found. These
tests count the per-row work (the speaker rule's calls) with a small cap, never seconds.
"""

from __future__ import annotations

import pytest

import landstrikes.extract.indirect as indirect
import landstrikes.extract.limits as limits
from landstrikes.extract.article import extract_records
from landstrikes.extract.limits import TooComplex
from landstrikes.extract.text import all_sentences

CAP = 50


@pytest.fixture
def counted_speakers(monkeypatch):
    """The cap set to CAP, and a count of every reported clause whose speaker is sought."""
    monkeypatch.setattr(limits, "MAX_ROWS", CAP)
    calls = []
    real = indirect.cue_subject

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(indirect, "cue_subject", counting)
    return calls


@pytest.mark.parametrize("unit", ["said ", "He said ", "said that ", "officials said the plan would fail, "])
def test_reported_speech_past_the_cap_is_refused_at_the_first_row_over_it(counted_speakers, unit):
    text = unit * (40 * CAP)
    with pytest.raises(TooComplex) as refused:
        extract_records("a000", text)
    assert len(counted_speakers) <= CAP + 1, f"sought {len(counted_speakers)} speakers for a cap of {CAP}"
    line = str(refused.value)
    assert "\n" not in line
    assert f"more than {CAP:,} quote rows" in line and "before the text's end" in line


def test_according_to_rows_count_towards_the_same_cap(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", CAP)
    text = "The boats were seized near the coast, according to officials. " * (3 * CAP)
    with pytest.raises(TooComplex, match="quote rows"):
        indirect.indirect_quotes(text, [], [], all_sentences(text), text)


def test_a_text_at_the_cap_is_still_extracted(counted_speakers):
    """The count is of distinct rows: as many as the cap, and no refusal."""
    text = "Officials said the boats were seized near the coast. " * CAP
    rows = extract_records("a000", text)
    assert len(rows["quotes"]) == CAP



def test_segments_and_their_flags_are_not_capped(monkeypatch):
    """The cap is on rows whose rules search around each (quotes, mentions, claims); a segment costs a
    look at its own line, so a text of many short lines (a live blog of thousands of updates) is
    extracted whole, not refused (review61: 12,002 segments of a 527 K-character blog were refused)."""
    monkeypatch.setattr(limits, "MAX_ROWS", CAP)
    text = "a\n\n" * (3 * CAP)  # a segment per line (extract57's text; a live blog's updates alternate so)
    rows = extract_records("a000", text)
    assert len(rows["segments"]) > CAP
