"""Issue 17, eleventh round: a firm's member after `said <Firm>'s`, the subject noun phrase after a
body that owns a noun, a fronted word before a subject with a relative clause, he or she after a
sentence whose subject is one unnamed person, and a cue-less quotation paragraph after a
paragraph a person opens as its subject. Each test states one rule on sentences written for it
(invented people and bodies); each failed before its rule, or guards a rule's limit."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import rows_of as _rows  # noqa: E402

from landstrikes.extract.entities import Mention  # noqa: E402


def _row(text: str, start_words: str) -> dict:
    return next(q for q in _rows(text)["quotes"] if q["text"].startswith(start_words))


# rule 1: `said <Firm>'s <Name>`: the firm's member speaks

def test_a_firms_bare_possessive_before_a_name_after_the_verb_gives_the_person():
    text = ('Prices slipped again on Friday. "Nobody is buying the currency this week," said Norcom Bank\'s '
            'Tom Berry. Other traders agreed.\n')
    assert _row(text, "Nobody is buying")["speaker_id"] == "tom-berry"


# rule 2: a body that owns a noun sits in a phrase before the subject noun phrase

_PANEL = "The panel looked at the budget of the Norland Science Council for two months. "


def test_the_noun_phrase_after_a_bodys_owned_noun_is_the_subject():
    text = _PANEL + 'In its review of the council\'s budget the panel said: "We are worried by the lack of staff."\n'
    row = _row(text, "We are worried")
    assert row["speaker_id"] is None and row["speaker_text"] == "the panel"


def test_words_after_a_bodys_owned_noun_that_open_no_noun_phrase_leave_the_subject_alone():
    # guard (on the rule's function: in a whole article other rules decide this row): the noun phrase
    # must open right after the owned noun (`Norcom's chief anchor defended the reporter and
    # explained`: the reporter is the object, not the subject)
    from landstrikes.extract.speakers.before_verb import _subject_after_owner  # (a function main lacks)

    text = "Norcom's chief anchor defended the reporter and explained that the line had been cut."
    norcom = Mention(0, 6, "Norcom", "ORG", "NAME", 0.85)
    assert _subject_after_owner(text, norcom, text.index("explained")) is None
    text = "In its review of Norcom's budget the panel said that the line had been cut."
    norcom = Mention(text.index("Norcom"), text.index("Norcom") + 6, "Norcom", "ORG", "NAME", 0.85)
    assert _subject_after_owner(text, norcom, text.index("said")).status == "unnamed_source"


# rule 3: a comma opening a relative clause closes no fronted phrase

def test_a_fronted_word_before_a_subject_with_a_relative_clause_keeps_the_subject():
    text = ("Tom Berry took over the transport brief in March. Earlier Mr Okafor, whose group voted against the "
            "toll, argued that with the budget late the new transport chief could still drop it. He wrote on his "
            'blog that Mr Berry seemed cooler on tolls than his rivals. "Why charge drivers twice for one road?" he asked.\n')
    assert _row(text, "Why charge drivers")["speaker_id"] == "okafor"


# rule 4: he or she after a sentence whose subject is one unnamed person

_BOSS = "Chief executive Tom Berry warned that more drilling was needed at the site. "


def test_he_after_a_sentence_opened_by_a_spokesman_is_the_spokesman():
    text = _BOSS + ('A spokesman said the firm believed there was a lot of gas. But he added: "It is too early '
                    'to say how much of it there is."\n')
    row = _row(text, "It is too early")  # (Q16: the words are the cue's subject, the pronoun)
    assert (row["speaker_status"], row["speaker_id"], row["speaker_text"]) == ("unnamed_source", None, "he")


def test_she_after_a_spokeswoman_for_a_body_is_that_spokeswoman():
    text = ("Ann Lee complained about the calls. A spokeswoman for the Norland Data Office said it was looking "
            'at one complaint. "We are looking at one of the complaints," she said.\n')
    row = _row(text, "We are looking")
    assert (row["speaker_status"], row["speaker_id"], row["speaker_text"]) == ("unnamed_source", None, "she")


def test_a_pronoun_of_the_other_gender_is_not_the_unnamed_spokeswoman():
    # guard: `A spokeswoman` is no he
    text = _BOSS + ('A spokeswoman said the firm believed there was a lot of gas. But he added: "It is too early '
                    'to say how much of it there is."\n')
    assert _row(text, "It is too early")["speaker_status"] != "unnamed_source"


def test_a_sentence_naming_someone_stops_the_walk_back_to_an_unnamed_subject():
    # guard: `Norcom Holdings lodged an appeal. He said:` -- he is not the spokesman further back, even
    # when the entity layer does not take the name between for a person's
    text = ('A spokesman said: "Our staff will check the tapes first." \n\nNorcom Holdings lodged an appeal with '
            'the regulator on Monday.\n\nHe said: "The tapes were copied without our consent."\n')
    assert _row(text, "The tapes were")["speaker_status"] != "unnamed_source"


def test_an_object_pronoun_is_not_the_unnamed_subject_before():
    # guard: `staff told him that` -- him is the hearer, never the unnamed subject of a sentence before
    text = ("A police source told the paper that Tom Berry had been drugged. At the hospital the staff told him "
            "that his wallet had been taken.\n")
    assert _row(text, "his wallet")["speaker_text"] != "A police source"


# rule 5: a cue-less quotation paragraph after a paragraph opened by a person as its subject

def test_a_cueless_paragraph_is_the_words_of_the_person_opening_the_paragraph_before():
    text = ('Ann Lee put the farm up for sale in June.\n\n"We bought it together and it was never just mine."\n\n'
            'Ann Lee wrote in a local paper last autumn that she and Tom still run the stables with their twins, '
            'Kate and Jack Lee. The twins are nine.\n\n"Selling was hard for all of us. The horses will go to a '
            'school nearby."\n')
    assert _row(text, "Selling was hard")["speaker_id"] == "ann-lee"


def test_a_paragraph_not_opened_by_a_name_still_gives_the_person_named_last():
    # guard: only a name that opens the paragraph before is its subject (`After a talk with Ann
    # Lee, the coach Tom Berry picked the team.`: the coach speaks, not the first name)
    text = ('Norland play Kendal on Saturday.\n\nAfter a long talk with Ann Lee, the coach Tom Berry picked the '
            'team.\n\n"We will win on Saturday if the rain keeps off."\n')
    assert _row(text, "We will win")["speaker_id"] == "tom-berry"


# Q16: an unnamed source the cue names by a pronoun has the pronoun as its words (2026-12-05; the
# antecedent's phrase had been given, as the gold never does)

def test_the_words_of_an_unnamed_source_named_by_a_pronoun_are_the_pronoun():
    text = ("Critics say the plan is too costly. They also warn that \"the costs could rise sharply next year\".\n"
            "A spokesman for the council said the plan was sound. But he added: \"We will build the bridge next year.\"\n")
    rows = _rows(text)["quotes"]
    words = {q["text"][:13]: (q["speaker_status"], q["speaker_text"], text[q["speaker_start"]:q["speaker_end"]]) for q in rows}
    assert words["the plan is t"] == ("unnamed_source", "Critics", "Critics")
    assert words["the costs cou"] == ("unnamed_source", "They", "They")
    assert words["We will build"] == ("unnamed_source", "he", "he")
