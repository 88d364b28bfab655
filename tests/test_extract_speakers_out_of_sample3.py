"""Speaker rules of issue 17's third round (the second inspection set, benchmarks/dev/inspect2.tsv),
each on sentences written for this test (invented names, never dev text): a reporting clause
before a quotation that ends its sentence, a person in apposition with a role at a body, and names
inside an aside between a subject and its verb."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def _speaker_name(rows: dict, quote: dict) -> str | None:
    return {e["entity_id"]: e["name"] for e in rows["entity_rows"]}.get(quote["speaker_id"])


def test_a_reporting_clause_before_a_quotation_that_ends_its_sentence_beats_the_next_sentence():
    rows = _rows('Asked about the delay, Tom Hale said, "The bridge will open in May." When Ruth Ode asked why, '
                 'Hale replied that the steel was late.\n')
    assert _speaker_name(rows, _quote(rows, "The bridge")) == "Tom Hale"


def test_a_colon_cue_before_a_quotation_closed_before_its_full_stop_beats_the_next_sentence():
    rows = _rows('Reporters said Mara Linde had once told Ben Ode: "Nothing you say to me now could ever be believed". '
                 'Norcom\'s new posters say the opposite.\n')
    assert _speaker_name(rows, _quote(rows, "Nothing you say")) == "Mara Linde"


def test_a_quotation_left_open_by_a_comma_keeps_the_reporting_clause_after_it():
    rows = _rows('Tom Hale said: "We will open the bridge in May," Ruth Ode added at the meeting.\n')
    assert _speaker_name(rows, _quote(rows, "We will open")) == "Ruth Ode"


def test_a_person_in_apposition_with_a_role_at_a_body_is_the_speaker_not_the_body():
    rows = _rows('The shares rose.\n\n"There is a hint of a bribe in there," Ana Reyes, an analyst at Norcom Securities '
                 'told the Daily Courier.\n')
    assert _speaker_text(rows, _quote(rows, "There is a hint")) == "Ana Reyes"


def test_a_role_of_a_body_with_a_person_in_apposition_is_that_person():
    rows = _rows('But the chairman of Norland Watch, Sir Tom Hale, said the ruling was a mistake. '
                 '"The basic point is that the council has a duty to act."\n')
    assert _speaker_name(rows, _quote(rows, "The basic point")) == "Tom Hale"


def test_a_role_with_a_titled_name_in_apposition_is_that_person():
    rows = _rows('Ali Haro led the group.\n\n"We have confirmed that Ali Haro has been killed," the Norland press '
                 'secretary, Rear Adm. Ruth Okonkwo, said in a statement.\n')
    assert _speaker_name(rows, _quote(rows, "We have confirmed")) == "Ruth Okonkwo"


def test_a_name_inside_a_relative_clause_before_the_verb_is_not_the_subject():
    rows = _rows('Retired teacher Ruth Okonkwo, 61, who was visiting from nearby Harlow, said: '
                 '"We came for the market and stayed all day."\n')
    assert _speaker_text(rows, _quote(rows, "We came")) == "Ruth Okonkwo"


def test_a_place_inside_a_participle_phrase_before_the_verb_is_not_the_subject():
    rows = _rows('One Norland expert living in Lagos, Nigeria, revealed: "The elite joke that he is too big to travel."\n')
    quote = _quote(rows, "The elite joke")
    assert (quote["speaker_status"], _speaker_text(rows, quote)) == ("unnamed_source", None)


def test_a_colon_cue_before_a_quotation_beats_a_reporting_clause_that_opens_the_next_one():
    rows = _rows('Welcoming the ruling, Ann Lee, chief executive of the Norland Refugee Trust, said: "The abuses are well '
                 'documented." Norcom\'s Ben Ode said: "That is bleakly ironic."\n')
    assert _speaker_name(rows, _quote(rows, "The abuses")) == "Ann Lee"


def test_his_or_her_opening_a_colon_sentence_is_the_speaker_not_a_name_after_a_preposition():
    rows = _rows('Tom Hale spoke last. His message to the mayor was: "Please do not close the library." '
                 'Sir Ben Ode added: "I agree with every word."\n')
    quote = _quote(rows, "Please do not")
    assert (_speaker_text(rows, quote), _speaker_name(rows, quote)) == ("His", "Tom Hale")


def test_the_agency_refers_to_the_body_named_before():
    rows = _rows('But Norcom denies the claim.\n\n"These rumours are false and the image is a fake," the agency said '
                 'in a statement.\n')
    assert _speaker_name(rows, _quote(rows, "These rumours")) == "Norcom"


def test_a_role_at_a_firm_typed_as_a_person_still_makes_the_person_before_it_the_speaker():
    rows = _rows('"There is a hint of a bribe in there," Ana Reyes, an analyst at Nomura told the BBC.\n')
    assert _speaker_text(rows, _quote(rows, "There is a hint")) == "Ana Reyes"


def test_a_person_then_a_comma_then_another_person_keeps_the_nearest():
    rows = _rows('The vote was close.\n\nAna Reyes, Tom Hale said: "We tried very hard to win it."\n')
    assert _speaker_text(rows, _quote(rows, "We tried")) == "Tom Hale"


def test_role_words_with_a_place_adjective_after_the_verb_lead_to_the_person():
    rows = _rows('"It is not a big thing in the economic sense," said Norbank Amro chief Asian strategist Ed Wong.\n')
    assert _speaker_text(rows, _quote(rows, "It is not")) == "Ed Wong"


def test_two_people_listed_after_the_verb_keep_the_first():
    rows = _rows('"It is not a big thing in the economic sense," said Tom Hale, Ed Wong and Ana Reyes.\n')
    assert _speaker_text(rows, _quote(rows, "It is not")) == "Tom Hale"


def test_the_mp_is_a_role_nominal_even_with_a_relative_clause_before_its_verb():
    rows = _rows('Mr Flight says he is staying on as candidate.\n\nThe MP, who is consulting his lawyers, told the Daily Courier: '
                 '"They selected me and they can keep me."\n')
    quote = _quote(rows, "They selected")
    assert (_speaker_text(rows, quote), _speaker_name(rows, quote)) == ("The MP", "Flight")


def test_a_relative_clause_keeps_its_pronoun_when_nobody_is_named_before_it():
    rows = _rows('Sgt Tom Hale led the patrol.\n\nThe soldier, who returned from Leeds last week where he had been advising '
                 'the police, added: "The main thing is creating fear."\n')
    assert _speaker_name(rows, _quote(rows, "The main thing")) == "Tom Hale"


def test_a_possessive_body_in_apposition_after_a_person_is_not_the_subject():
    rows = _rows('Troops entered the city.\n\nWhile Maj. Gen. Ahmad Tahir al-Dulaimi, Anbar’s police chief, told the Courier '
                 'by phone, “We heard the news about the gas. This news is unfounded.”\n')
    # (the whole name since extract49: the article `al-` joins it, as the dev guidelines' longest name)
    assert _speaker_text(rows, _quote(rows, "We heard the news")) == "Ahmad Tahir al-Dulaimi"


def test_a_place_after_a_preposition_loses_to_the_pronoun_subject_before_it():
    rows = _rows('Ana Lee left Norland in the spring.\n\nOn June 3, she posted photos from the northern hills of Portugal '
                 'and wrote, "Nobody warned us how steep the roads would be. We keep walking anyway." A friend wrote, "Stay safe."\n')
    assert _speaker_name(rows, _quote(rows, "Nobody warned")) == "Ana Lee"


def test_a_name_inside_a_relative_clause_is_not_the_subject_even_when_nobody_is_named_before_it():
    rows = _rows('Tom Hale was freed.\n\nThe woman, who represents Mr Abbasi and Mr Hale, said: "They should have acted '
                 'much sooner than this."\n')
    assert _speaker_text(rows, _quote(rows, "They should")) is None


def test_a_person_from_a_firm_typed_as_a_person_after_the_verb_stays_the_speaker():
    rows = _rows('"The average buyer will not pay that much for a car," said Anthony Pratt from Norbank Amro.\n')
    assert _speaker_text(rows, _quote(rows, "The average")) == "Anthony Pratt"
