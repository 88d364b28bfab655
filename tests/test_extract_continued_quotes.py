"""Continued quotations in the extractor (issue 17, guideline Q2): one opening mark per paragraph
(or per quoted sentence inside one line) and one closing mark at the very end. Every part is a
direct quote of the same speaker, span exactly its words; sentences written for this test."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from landstrikes.extract import extract_article  # noqa: E402
from landstrikes.schema.tableio import read_table  # noqa: E402


def _rows(text: str) -> dict:
    return extract_article("t", text)


def _direct(rows: dict) -> list[tuple[str, str | None]]:
    """(text, speaker id) of every direct quote, in text order."""
    return [(q["text"], q["speaker_id"]) for q in rows["quotes"] if q["kind"] == "direct"]


def test_quotation_over_three_paragraphs_is_one_direct_row_per_paragraph_with_one_speaker():
    rows = _rows('Anna Berg said:\n\n"We will open the new wing in May.\n\n"It has taken four years.\n\n"Staff are ready."\n')
    assert _direct(rows) == [
        ("We will open the new wing in May.", "anna-berg"),
        ("It has taken four years.", "anna-berg"),
        ("Staff are ready.", "anna-berg"),
    ]
    assert not [q for q in rows["quotes"] if q["kind"] == "orphan"]


def test_quoted_sentences_run_together_in_one_line_are_one_row_each_without_trailing_blanks():
    rows = _rows('Anna Berg, head of the trust, said: "We regret this step. "We want to go on serving people here. "Ask us in May."\n')
    assert _direct(rows) == [
        ("We regret this step.", "anna-berg"),
        ("We want to go on serving people here.", "anna-berg"),
        ("Ask us in May.", "anna-berg"),
    ]


def test_short_last_part_of_a_continued_quotation_is_not_a_scare_quote():
    rows = _rows('Carl Moss said the vote was lost. "It is a blow to the town and we will fight it. "Nobody asked us."\n')
    assert ("Nobody asked us.", "carl-moss") in _direct(rows)


def test_part_with_its_own_reporting_clause_keeps_that_speaker():
    rows = _rows('Carl Moss said: "We won the vote.\n\n"And we will win again," Anna Berg added.\n')
    assert _direct(rows) == [("We won the vote.", "carl-moss"), ("And we will win again,", "anna-berg")]


def test_opening_mark_after_a_word_mid_sentence_starts_a_partial_quote_not_a_continuation():
    rows = _rows('Carl Moss said the bill "had the feel of a draft, and urged ministers to promise that "a review will follow" soon.\n')
    review = next(q for q in rows["quotes"] if q["text"] == "a review will follow")
    assert review["kind"] == "partial"


def test_silver_rows_of_continued_quotations_validate(tmp_path):
    """The extractor's rows and validate's mark scan agree on continued quotations (Q2)."""
    from landstrikes.extract.run import extract_folder
    from landstrikes.schema import validate

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text('Title\n\nAnna Berg said:\n\n"We will open in May.\n\n“It has taken years.\n\n"Staff are ready."\n\n'
                               'Carl Moss said: "We regret it. "We want to go on. "Ask us later."\n\n'
                               "Ann Lee said: 'It was the '90s.\n\n'We had fun.'\n", encoding="utf-8")
    extract_folder(raw, tmp_path / "out", num_proc=1)
    report = validate(tmp_path / "out")
    assert report.ok, report.to_text()
    quotes = read_table(tmp_path / "out" / "data" / "quotes")
    assert sorted(quotes.loc[quotes["kind"] == "direct", "text"]) == sorted(
        ["We will open in May.", "It has taken years.", "Staff are ready.", "We regret it.", "We want to go on.", "Ask us later.",
         "It was the '90s.", "We had fun."])


def test_quotation_opening_a_sentence_after_a_quoted_title_is_direct_not_partial():
    """The masked text has lost the title's full stop; the raw text shows the new sentence."""
    rows = _rows('Dan Olsen said on “Morning Radio.” “I heard he is out for a month. It is a strong claim.”\n')
    assert ("I heard he is out for a month. It is a strong claim.", "dan-olsen") in _direct(rows)


def test_short_quoted_question_right_after_a_quoted_sentence_keeps_its_speaker():
    rows = _rows('Ann Lee spoke. "We will never accept it," Ann Lee said. "Why do you want it?" "Do you care?" The vote came later.\n')
    assert ("Do you care?", "ann-lee") in _direct(rows)


def test_earlier_parts_of_a_continued_quotation_take_the_speaker_named_after_a_later_part():
    rows = _rows('The board met on Monday. "We are delighted with the result. "It is a great day for the town," said Anna Berg.\n')
    assert _direct(rows) == [("We are delighted with the result.", "anna-berg"), ("It is a great day for the town,", "anna-berg")]


def test_hearer_of_told_is_not_the_speaker_of_a_quotation_in_the_next_paragraph():
    rows = _rows('A local farmer told the Daily Courier: "We lost the whole harvest this year.\n\n'
                 '"Nobody came to help us when the river rose."\n')
    assert [speaker for _, speaker in _direct(rows)] == [None, None]
