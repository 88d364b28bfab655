"""Issue 17, fifth round: direct quotations whose speaker the extractor missed or got wrong in held-out
sets 1-3 (now development data), fixed as classes. Each test states one rule on sentences written
for it (invented names, bodies and places); each failed before its rule."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def _speaker(text: str, start_words: str) -> tuple[str, str | None]:
    rows = _rows(text)
    quote = _quote(rows, start_words)
    return quote["speaker_status"], _speaker_text(rows, quote)


def test_a_role_word_in_a_named_persons_appositive_is_not_an_unnamed_source():
    text = 'Output fell in May.\n\nTom Hale, an analyst at Norbank, said: "This result was well ahead of the forecasts."\n'
    assert _speaker(text, "This result") == ("attributed", "Tom Hale")


def test_a_role_word_with_a_body_in_a_named_persons_appositive_keeps_the_person():
    text = 'Output fell. But Tom Hale, chief economist at the builders\' group Norcom, said: "These figures are at odds with the yards."\n'
    assert _speaker(text, "These figures") == ("attributed", "Tom Hale")


def test_a_pronoun_opening_a_paragraph_before_a_long_colon_clause_is_its_subject():
    text = ('Tom Hale spoke on Monday.\n\n'
            'He told Norland Radio 4\'s Morning programme: "No minister should make this mistake again in public."\n')
    assert _speaker(text, "No minister") == ("attributed", "He")


def test_an_unknown_capitalised_word_before_said_after_a_quotation_is_the_speaker():
    text = ('Steven Korlanovic wrote the note.\n\n'
            '"With sales this weak in the north, the board has reason to worry," Korlonovic said.\n')
    assert _speaker(text, "With sales") == ("attributed", "Korlonovic")


def test_an_unknown_first_name_opening_a_paragraph_before_said_is_the_speaker():
    text = "Vadim Zarkovsky, 12, was hurt.\n\nVadim said: 'After the shock my hands were buzzing for a week.'\n"
    assert _speaker(text, "After the shock") == ("attributed", "Vadim")


def test_a_name_after_a_titles_full_stop_after_the_verb_is_the_speaker():
    text = 'The survey covered ten towns.\n\n"It was a strange noise in the hills," said Lt. Karsmir al-Tabrani, one of the guards.\n'
    status, mention = _speaker(text, "It was a strange")
    assert status == "attributed" and mention.startswith("Karsmir")


def test_a_capitalised_word_also_used_in_lower_case_before_said_stays_doubtful():
    text = 'The vote was close.\n\n"We will see what happens next," Sources said.\n\nThe sources were not named.\n'
    assert _speaker(text, "We will see")[1] != "Sources"


def test_a_role_noun_for_a_religious_title_refers_to_the_person_holding_it():
    text = ('Archbishop Mbeki Lunga spoke at the synod on Sunday. The bishops were detained last year.\n\n'
            'The archbishop added: "Who will speak for the ones still held in the camps?"\n')
    assert _speaker(text, "Who will speak") == ("attributed", "The archbishop")


def test_a_religious_title_with_its_see_is_one_name_not_a_title_before_a_place():
    text = 'The Archbishop of Norbury said: "We wish the pair every happiness in their marriage."\n'
    assert _speaker(text, "We wish the pair") == ("attributed", "Archbishop of Norbury")


def test_a_long_relative_clause_between_the_subject_and_its_verb_holds_no_subject():
    text = ('The council will not release the report.\n\n'
            'Mr Hale, who sits on the harbour board of the county and was part of the Norton review into ferry costs, '
            'told the Gazette on Friday: "As a rule that holds, but it is not a fixed rule."\n')
    assert _speaker(text, "As a rule") == ("attributed", "Hale")


def test_a_relative_clause_between_dashes_holds_no_subject():
    text = ('The plan was withdrawn.\n\nCouncillor Ann Lee - who chairs the panel which oversees the Norland Ports Authority - '
            'said the port would suffer. "We will watch the port authority very closely from now on."\n')
    assert _speaker(text, "We will watch")[1] != "Norland Ports Authority"
    rows = _rows(text)
    assert _speaker_text(rows, _quote(rows, "the port would suffer")) == "Ann Lee"  # the title stays out of the name, as in the gold's NAME mentions (extract44)


def test_a_reporting_verb_form_after_a_determiner_is_a_noun_not_a_cue():
    rows = _rows('Ann Lee said the ferry would stop.\n\nThe claims were denied by the Norland Ports Authority on Monday.\n')
    assert [q["cue_text"] for q in rows["quotes"] if q["kind"] == "indirect"] == ["said"]


def test_a_quoted_sentence_after_a_clause_with_a_noun_claims_keeps_the_reporting_subject():
    text = ('Councillor Ann Lee told the Norland Ports Authority that if the claims were true, the office was "working against its own rules". '
            '"We will watch the port authority very closely from now on."\n')
    rows = _rows(text)
    assert _speaker_text(rows, _quote(rows, "We will watch")) == "Ann Lee"  # the title stays out of the name, as in the gold's NAME mentions (extract44)


def test_a_form_in_ing_after_a_possessive_stays_a_cue():
    rows = _rows('The photo was posted with her saying she would return to the island next spring.\n')
    assert [q["cue_text"] for q in rows["quotes"] if q["kind"] == "indirect"] == ["saying"]


def test_a_reporting_clause_ending_in_a_colon_after_a_closed_quotation_opens_the_next_one():
    text = ('Prime Minister Ann Lee said: "Tom ran the harbour office with care. '
            '"Norland owes him a good deal for those ten winters." Chancellor Ben Ode said: "His work was exceptional."\n')
    rows = _rows(text)
    assert _speaker_text(rows, _quote(rows, "Norland owes him")) == "Ann Lee"
    assert _speaker_text(rows, _quote(rows, "His work")) == "Ben Ode"


def test_a_colon_ending_a_paragraph_after_no_reporting_clause_introduces_its_sentences_subject():
    text = ('Tom Hale has studied the device for a month.\n\n'
            'Finally, he argues that buyers should stop hunting for one great use of the Norbank Pad, as:\n\n'
            '"Every owner will find a different reason to keep it, and that is the whole point of it."\n')
    assert _speaker(text, "Every owner") == ("attributed", "he")


def test_a_split_quotation_after_a_verb_first_clause_and_an_aside_keeps_the_speaker_after_the_verb():
    text = '"Plus, the people of Norland love tea," said Tom Hale, before elaborating, "Visitors tip the guides in tea instead of cash".\n'
    assert _speaker(text, "Visitors tip") == ("attributed", "Tom Hale")
