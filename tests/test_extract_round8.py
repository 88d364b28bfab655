"""Issue 17, eighth round: entity-typing fixes for speakers the entity layer mistyped (a surname
the gazetteer knows as a town, `<given name> Law` read as a law). Each test states one rule on
sentences written for it (invented people; real towns only as the words the gazetteer holds);
each failed before its rule, or guards a rule's limit."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import rows_of as _rows  # noqa: E402


def _row(text: str, start_words: str) -> dict:
    return next(q for q in _rows(text)["quotes"] if q["text"].startswith(start_words))


def test_a_lone_surname_the_gazetteer_knows_as_a_town_is_the_person_named_with_it():
    text = ("Ann Chandler, 31, met the coach at a charity match in March.\n\n"
            'Chandler says Kim Riley had kept it quiet for them. "We wanted some time alone first," she says.\n')
    assert _row(text, "We wanted some")["speaker_id"] == "ann-chandler"


def test_the_surname_as_the_subject_of_a_cue_is_that_person():
    text = ('Ann Chandler, 31, runs a bakery.\n\n"Trade has never been better," Chandler said on Monday.\n')
    assert _row(text, "Trade has never")["speaker_id"] == "ann-chandler"


def test_after_a_preposition_the_town_stays_a_place():
    text = ('Ann Chandler, 31, runs a bakery.\n\nThe council in Chandler said the road would close. '
            '"Trade has never been better," Chandler said.\n')
    rows = _rows(text)
    assert any(m["entity_id"] == "chandler" for m in rows["mentions"])  # `in Chandler`: the town


def test_a_given_name_before_law_is_a_person_not_a_law():
    text = ('Tom Law, chief executive of the Norland Trust, said the plan was "badly timed".\n')
    row = _row(text, "badly timed")
    assert row["speaker_id"] == "tom-law"
    assert next(e for e in _rows(text)["entity_rows"] if e["entity_id"] == "tom-law")["type"] == "PERSON"


def test_he_after_a_named_speaker_the_entity_layer_typed_a_body_is_that_speaker():
    text = ("Tom Hale, the mayor, opened the market on Monday.\n\n"
            '"Rents must fall," said Bale Okonkwo, who runs the Norland Trust. "We cannot wait any longer," he said.\n')
    assert _row(text, "We cannot wait")["speaker_id"] == "bale-okonkwo"


def test_he_after_a_named_speaker_typed_a_body_stays_with_a_person_named_in_between():
    text = ("Ann Lee opened the market on Monday.\n\n"
            '"Rents must fall," said Bale Okonkwo. Tom Hale disagreed at once. "We cannot wait any longer," he said.\n')
    assert _row(text, "We cannot wait")["speaker_id"] == "tom-hale"


def test_he_after_a_body_with_a_place_in_its_name_is_not_that_body():
    text = ("Tom Hale, the club's owner, spoke on Monday.\n\n"
            '"Rents must fall," said Bale Lisbon. "We cannot wait any longer," he said.\n')
    assert _row(text, "We cannot wait")["speaker_id"] == "tom-hale"


def test_she_after_a_sentence_opening_with_a_subordinate_clause_is_its_main_subject():
    text = ('Ann Lee met Sam Riley in March. "I never hid anything," Ann Lee insists.\n\n'
            "Though Sam Riley is abroad this month, Ann Lee is not sure the pair will last.\n\n"
            '"Sam is busy, and the timing is poor for us," she says.\n')
    assert _row(text, "Sam is busy")["speaker_id"] == "ann-lee"


def test_a_place_in_capitals_stays_a_place_beside_a_headline_read_as_a_name():
    text = ('Ann Lee said Tom Hale Leaves US was a hit. "We are pleased," US officials said.\n')
    rows = _rows(text)
    assert all(m["entity_id"] != "tom-hale-leaves-us" for m in rows["mentions"] if m["text"] == "US")
