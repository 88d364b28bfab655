"""Issue 17, seventh round: classes of speaker error the precision audit's first three batches
found, fixed as rules. Each test states one rule on sentences written for it (invented names,
bodies and places); each failed before its rule."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def _row(text: str, start_words: str) -> dict:
    rows = _rows(text)
    quote = next(q for q in rows["quotes"] if q["text"].startswith(start_words))
    return {**quote, "speaker_words": _speaker_text(rows, quote)}


def test_a_countrys_role_with_a_name_in_apposition_is_that_person_not_the_one_named_before():
    text = ("The summit opened in Lisbon.\n\nPortugal's trade minister, Ann Lee, told delegates that tariffs would fall. "
            'Portugal\'s President, Tom Berry, added at the close: "Our ports are open to everyone."\n')
    assert _row(text, "Our ports are")["speaker_id"] == "tom-berry"


def test_a_bodys_role_followed_by_a_name_is_no_role_nominal_of_the_person_named_before():
    text = ('"Prices will fall," said Ed Wong, director of the Norland Trust.\n\n'
            'NTA chief economist Tom Hale said demand had slowed. "Costs are rising fast," he said.\n')
    assert _row(text, "Costs are rising")["speaker_id"] == "tom-hale"


def test_after_the_verb_a_bodys_role_with_a_name_in_apposition_is_that_person_not_the_body():
    text = ('Talks resumed.\n\n"Costs are rising fast," said Ed Wong, director of the Norland Trust. '
            '"Sales will recover by the autumn," said Norcom chief strategist, Tom Hale.\n')
    row = _row(text, "Sales will recover")
    assert (row["speaker_words"], row["speaker_id"]) == ("Tom Hale", "tom-hale")



def test_in_a_with_clause_the_participles_subject_is_the_phrase_after_with_not_the_hearer_named_before():
    text = 'The Norland Herald broke the story of Tom Hale\'s win, with a cousin of his telling the Herald: "Our family always knew."\n'
    row = _row(text, "Our family always")
    assert (row["speaker_status"], row["speaker_id"]) == ("unnamed_source", None)


def test_one_alone_after_with_is_the_unnamed_speaker_of_its_participle():
    text = 'Talks resumed.\n\nProtesters gathered outside the depot at noon, with one warning: "Nobody leaves until it reopens."\n'
    assert _row(text, "Nobody leaves")["speaker_status"] == "unnamed_source"


def test_a_name_after_with_is_the_speaker_of_its_participle_not_the_sentences_object():
    text = "Talks resumed.\n\nAnn Lee praised the Norcom deal, with Tom Hale adding that its depots would stay open.\n"
    assert _row(text, "its depots would")["speaker_id"] == "tom-hale"


def test_a_participle_coordinated_after_a_with_phrase_keeps_the_sentences_subject():
    text = "Talks resumed.\n\nTom Hale played down the dispute, noting regular talks with Portugal and insisting that the two sides were close.\n"
    assert _row(text, "the two sides")["speaker_id"] == "tom-hale"

def test_a_place_inside_a_hyphenated_modifier_is_not_the_speaker_the_noun_after_it_is():
    text = 'Shares in Norcom rose on Monday.\n\n"The merger is good news for savers," said one Paris-based fund manager.\n'
    row = _row(text, "The merger is")
    assert (row["speaker_status"], row["speaker_words"]) == ("unnamed_source", None)


def test_a_body_backing_a_group_is_not_that_groups_voice():
    text = "Fighting went on near the border.\n\nA Norland-backed militia said it had taken the town.\n"
    assert _row(text, "it had taken")["speaker_id"] != "norland"


def test_a_names_own_lower_case_part_after_a_hyphen_is_no_modifier():
    text = "Talks resumed.\n\nThe lawmaker Lee Sang-min said the budget would be cut by a tenth.\n"
    assert _row(text, "the budget would")["speaker_status"] == "attributed"


def test_an_unnamed_person_after_according_to_is_the_unnamed_source():
    text = "Talks resumed.\n\nAccording to one neighbour, the van left the yard shortly before midnight.\n"
    row = _row(text, "the van left")
    assert (row["speaker_status"], row["cue_text"]) == ("unnamed_source", "According to")


def test_an_unnamed_group_after_a_closing_according_to_is_the_unnamed_source():
    text = "Talks resumed.\n\nThe depot will close in June, according to the union officials.\n"
    assert _row(text, "The depot will close")["speaker_status"] == "unnamed_source"


def test_a_record_after_according_to_is_no_unnamed_source():
    text = "Talks resumed.\n\nThe depot will close in June, according to an internal review.\n"
    assert _row(text, "The depot will close")["speaker_status"] == "unattributed"


def test_a_name_inside_a_modifier_of_the_subject_is_not_who_speaks():
    text = "Talks resumed.\n\nA source close to Ann Lee's campaign said the tour had been put off until spring.\n"
    row = _row(text, "the tour had")
    assert (row["speaker_status"], row["speaker_words"]) == ("unnamed_source", None)


def test_a_spokesman_for_a_body_is_the_mention_and_speaks_for_that_body():
    text = "Talks resumed.\n\nA spokesman for the Norland Rail Office said the timetable would not change.\n"
    row = _row(text, "the timetable would")
    assert (row["speaker_words"], row["speaker_id"]) == ("A spokesman for the Norland Rail Office", "norland-rail-office")


def test_a_spokesman_for_a_person_is_an_unnamed_source_not_that_person():
    text = "Tom Berry was in Leeds on Monday.\n\nA spokesman for Tom Berry said the trip had been planned for months.\n"
    row = _row(text, "the trip had been")
    assert (row["speaker_status"], row["speaker_id"]) == ("unnamed_source", None)


def test_a_body_after_a_verb_and_a_preposition_is_no_modifier_of_a_head_noun():
    text = "Talks resumed.\n\nThe grant came from the Norland Rail Office which said fares would be frozen for a year.\n"
    assert _row(text, "fares would be")["speaker_id"] == "norland-rail-office"


def test_a_persons_relative_before_the_verb_is_an_unnamed_source_not_that_person():
    text = 'Tom Berry won the race on Sunday.\n\n"He trained every morning for a year," Tom Berry\'s mum said.\n'
    row = _row(text, "He trained every")
    assert (row["speaker_status"], row["speaker_id"]) == ("unnamed_source", None)


def test_a_relative_named_in_apposition_is_that_relative():
    text = "Tom Berry hurt his hand at home.\n\nTom Berry's fiancee, Ann Lee, posted online, saying the wedding would go ahead in June.\n"
    assert _row(text, "the wedding would")["speaker_id"] == "ann-lee"
