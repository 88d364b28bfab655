"""Issue 17, ninth round: the current speaker carried over cue-less quotation paragraphs, and a
document, note or caption before a colon as the words' source (its issuer, or nobody). Each test
states one rule on sentences written for it (invented people and bodies); each failed before its
rule, or guards a rule's limit."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import rows_of as _rows  # noqa: E402


def _row(text: str, start_words: str) -> dict:
    return next(q for q in _rows(text)["quotes"] if q["text"].startswith(start_words))


# rule 1: a cue-less quotation goes on in the last direct quotation's speaker's words

_OPENING = ('Ann Okafor spoke at the market on Monday. Okafor said: "Rents in the old town have doubled in two years, '
            'and the stalls along the river have lost half of their trade since the council closed the bridge to '
            'cars and buses last spring, so the families who have sold fish and bread here for three generations '
            'now have to choose between the rent and their own homes."\n\n')


def test_a_cueless_quotation_after_narration_keeps_the_last_direct_speaker():
    text = _OPENING + 'The traders cheered and waved their hands. "We cannot carry on paying these sums every month."\n'
    row = _row(text, "We cannot carry")
    assert (row["speaker_id"], row["speaker_status"]) == ("ann-okafor", "implicit")


def test_a_cueless_quotation_after_another_named_body_is_not_carried():
    text = _OPENING + 'The Norland Traders Union backed the plan. "We cannot carry on paying these sums every month."\n'
    assert _row(text, "We cannot carry")["speaker_id"] is None


def test_a_cueless_quotation_after_a_question_is_not_carried():
    text = _OPENING + 'So why did the stalls stay open? Nobody knows. "We cannot carry on paying these sums every month."\n'
    assert _row(text, "We cannot carry")["speaker_id"] is None


def test_a_cueless_quotation_after_a_heading_is_not_carried():
    text = _OPENING + 'The view from the stalls\n\n"We cannot carry on paying these sums every month."\n'
    assert _row(text, "We cannot carry")["speaker_id"] is None


def test_a_cueless_quotation_far_after_the_last_speaker_is_not_carried():
    filler = "The stalls open at six and close at noon, and most of the traders come from the villages nearby. " * 4
    text = _OPENING + filler + '\n\n"We cannot carry on paying these sums every month."\n'
    assert _row(text, "We cannot carry")["speaker_id"] is None


# rule 2: a document before a colon speaks for its issuer, else for nobody

def test_a_possessive_tagline_is_its_owners():
    text = ('Ann Okafor joined the army at 30. A friend of hers told the paper that he remembered Okafor as "a brave '
            'woman of ideas." On her blog, her tagline is: "Walking slowly towards whatever comes next."\n')
    assert _row(text, "Walking slowly")["speaker_id"] == "ann-okafor"


def test_a_statement_issued_with_reading_is_no_nearby_name():
    text = ('Directors at the club say the Norland buyer has returned, with a statement issued late on Friday reading: '
            '"Directors have been sent a fresh offer and are studying it."\n')
    row = _row(text, "Directors have been")
    assert row["speaker_id"] is None and row["cue_text"] == ":"


def test_a_caption_is_the_posters_words_not_the_group_in_his_phrase():
    text = ('The boy was not seen again. A Norland man fighting for the Vostok Front posted a picture online '
            'of his son, with the caption: "That is my boy right there."\n')
    row = _row(text, "That is my boy")
    assert row["speaker_status"] == "unnamed_source" and row["speaker_id"] is None


def test_a_note_that_reads_is_no_cue_of_the_body_named_before():
    text = ('In the parcel were forms from the Norland Savings Bank together with a scribbled note that reads: '
            '"The loan is gone for good. Happy birthday, Tom."\n')
    row = _row(text, "The loan is")
    assert row["speaker_id"] != "norland-savings-bank" and row["cue_text"] == ":"


def test_said_in_a_statement_ending_a_paragraph_is_the_subjects_words():
    text = ('The bridge closed in May.\n\nTom Bryce, the mayor, said in a statement:\n\n"We will reopen the bridge by the spring."\n')
    assert _row(text, "We will reopen")["speaker_id"] == "tom-bryce"


def test_a_reporting_verb_before_the_document_stays_the_cue():
    text = ('The Okafor family posted this short statement: "Our thanks go to all who wrote to us."\n')
    assert _row(text, "Our thanks go")["cue_text"] == "posted"


def test_a_body_that_offered_a_statement_issued_it():
    text = ('When contacted, Norcom offered this statement: "We are looking at every option open to us now."\n')
    assert _row(text, "We are looking")["speaker_id"] == "norcom"


def test_a_sign_held_by_an_unnamed_relative_is_hers():
    text = ('Tom Bryce has been out of work since May. His wife\'s sign read: "Please help us pay the rent this winter."\n')
    row = _row(text, "Please help us")
    assert (row["speaker_status"], row["speaker_text"]) == ("unnamed_source", "His wife")
