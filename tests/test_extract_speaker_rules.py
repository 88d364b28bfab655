"""Speaker and quote rules of issue 17's speaker round, each on sentences written for this test
(invented names, never dev text): split quotations, nested quotations with their own cue,
clause subjects, lone surnames, pronouns across paragraphs."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from landstrikes.extract import extract_article  # noqa: E402


def _rows(text: str) -> dict:
    return extract_article("t", text)


def _quote(rows: dict, start_words: str) -> dict:
    return next(q for q in rows["quotes"] if q["text"].startswith(start_words))


def _speaker_text(rows: dict, quote: dict) -> str | None:
    mentions = {m["mention_id"]: m["text"] for m in rows["mentions"]}
    return mentions.get(quote["speaker_mention_id"])


def test_a_reporting_sentence_between_two_quotations_ends_the_split_quotation():
    rows = _rows('Prices rose "faster than wages", he said. Trade minister Ruth Okonkwo said the plan would work. '
                 '"We expect the first results in the spring, and more in the summer."\n')
    quote = _quote(rows, "We expect")
    assert quote["kind"] == "direct"
    assert _speaker_text(rows, quote) == "Ruth Okonkwo"


def test_a_split_quotation_keeps_its_speaker_after_a_short_reporting_clause():
    rows = _rows('"We will win," Ruth Okonkwo said on Monday. "Very soon."\n')
    quote = _quote(rows, "Very soon")
    assert (quote["kind"], quote["speaker_id"]) == ("direct", "ruth-okonkwo")
