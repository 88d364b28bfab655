"""Issue 17, fourth round: direct quotations whose speaker the extractor named as nobody although a
reader names one. An unnamed person or group (`one farmer told`, `said a neighbour`, `A council
spokesman said`) is `unnamed_source` (Q9), and a quotation paragraph that goes on after one keeps
that status; a document, a ballot question or a quotation with no reporting clause stays
`unattributed`. Every sentence is written for this test (invented names and places)."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting as _quote, rows_of as _rows  # noqa: E402


def _status(text: str, start_words: str) -> str:
    return _quote(_rows(text), start_words)["speaker_status"]


def test_an_unnamed_person_before_the_verb_after_a_quotation_is_an_unnamed_source():
    text = 'The storm cut power to the valley.\n\n"We sat in the dark for two days," one farmer told the Gazette.\n'
    assert _status(text, "We sat in the dark") == "unnamed_source"


def test_an_unnamed_person_after_the_verb_is_an_unnamed_source():
    text = 'The river rose overnight.\n\n"It came through the door in minutes," said a shaken neighbour.\n'
    assert _status(text, "It came through") == "unnamed_source"


def test_an_unnamed_person_with_an_aside_before_a_colon_quotation_is_an_unnamed_source():
    text = 'The convoy stopped at the bridge.\n\nAn army officer, speaking anonymously, said: "The road will stay closed."\n'
    assert _status(text, "The road will stay") == "unnamed_source"


def test_a_council_spokesman_with_no_catalogued_council_is_an_unnamed_source_and_so_is_his_next_paragraph():
    rows = _rows('A council spokesman said the road would stay shut.\n\n"We are doing everything we can to reopen it."')
    assert [q["speaker_status"] for q in rows["quotes"]] == ["unnamed_source", "unnamed_source"]


def test_a_quotation_paragraph_after_an_unnamed_speakers_quotation_keeps_the_unnamed_status():
    text = ('The storm cut power to the valley.\n\n"We sat in the dark," one farmer told the Gazette.\n\n'
            '"Nobody came to help us for two whole days."\n')
    assert _status(text, "Nobody came") == "unnamed_source"


def test_the_next_quoted_sentence_after_an_unnamed_speakers_reporting_clause_keeps_the_unnamed_status():
    text = 'The river rose overnight.\n\n"The water came fast," said one farmer. "We lost the whole barn that night."\n'
    assert _status(text, "We lost the whole barn") == "unnamed_source"


def test_another_and_one_alone_as_subjects_are_unnamed_sources():
    text = ('Readers wrote in about the closure.\n\nOne wrote: "The library was the only warm place in town."\n\n'
            'Another said: "My children learned to read there."\n')
    assert _status(text, "The library was") == "unnamed_source"
    assert _status(text, "My children") == "unnamed_source"


def test_a_document_as_subject_stays_unattributed():
    text = 'The figures were published on Monday.\n\n"Rates will rise again next spring," the report said.\n'
    assert _status(text, "Rates will rise") == "unattributed"


def test_a_noun_phrase_before_a_colon_without_a_reporting_verb_stays_unattributed():
    text = 'The vote is in May.\n\nThe mood in the village is: "We will rebuild the old mill by the spring."\n'
    assert _status(text, "We will rebuild") == "unattributed"


def test_a_noun_phrase_after_a_preposition_is_no_subject():
    text = 'Dan Mora writes songs.\n\nIn one song posted online, he raps: "I was never the quiet one in the room."\n'
    assert _status(text, "I was never") != "unnamed_source"


def test_a_possessive_role_which_may_be_a_person_named_before_is_not_taken_for_an_unnamed_source():
    text = ('"Aid must rise this winter," Ann Lee of Norcare said.\n\n'
            '"Children are paying for it now," the campaign\'s director added.\n')
    assert _status(text, "Children are paying") != "unnamed_source"


def test_a_name_with_a_long_appositive_after_a_quotation_is_its_speaker():
    text = ('The shares fell on Monday.\n\n"As prices rise, thrift catches the eye," Tom Hale, vice president and chief '
            "operating officer of Norcom's northern sales arm, said in a statement.\n")
    quote = _quote(_rows(text), "As prices rise")
    assert (quote["speaker_status"], quote["speaker_id"]) == ("attributed", "tom-hale")


def test_a_quotation_paragraph_after_a_reporting_clause_whose_subject_follows_the_verb_keeps_that_unnamed_speaker():
    text = ('The bell was found in a barn.\n\n"It rang at noon today," states the village priest.\n\n'
            '"Nobody had heard it ring in forty years."\n')
    assert _status(text, "Nobody had heard") == "unnamed_source"


def test_a_quotation_after_a_sentence_whose_subject_is_he_is_his_words():
    text = ('Tom Hale spoke last at the dinner.\n\nHe ended with an appeal to the members of the club. '
            '"One day you will tell your children that you were there."\n')
    quote = _quote(_rows(text), "One day you will")
    assert (quote["speaker_status"], quote["speaker_id"]) == ("attributed", "tom-hale")
