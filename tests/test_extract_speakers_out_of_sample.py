"""Speaker rules of issue 17's out-of-sample round (the inspection set, benchmarks/dev/inspect.tsv),
each on sentences written for this test (invented names, never dev text): the person in a subject
phrase that also names their body, titles with a full stop in a reporting clause, names after a
preposition, and a question followed by a new sentence."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting as _quote, rows_of as _rows, speaker_text as _speaker_text  # noqa: E402


def test_person_of_a_body_before_the_verb_after_a_quotation_is_the_speaker():
    rows = _rows('"We have measured the tremor twice," Ana Reyes of the Norland Institute said on Monday.\n')
    assert _speaker_text(rows, _quote(rows, "We have measured")) == "Ana Reyes"


def test_person_then_comma_then_their_body_before_a_colon_cue_is_the_speaker():
    rows = _rows('The vote was close.\n\nTom Hale, Riverside Traders Association said: "We tried very hard to win it."\n')
    assert _speaker_text(rows, _quote(rows, "We tried")) == "Tom Hale"


def test_person_of_a_body_before_a_cue_verb_before_the_quotation_is_the_speaker():
    rows = _rows('Mara Linde of the Norland Policy Institute is quoted as arguing, "The plan will fail by the spring."\n')
    assert _speaker_text(rows, _quote(rows, "The plan will")) == "Mara Linde"


def test_body_then_role_then_person_after_the_verb_is_the_person():
    rows = _rows('"The offer is far too low for our shareholders," said Norcom chairman Tom Hale.\n')
    assert _speaker_text(rows, _quote(rows, "The offer")) == "Tom Hale"


def test_body_and_another_person_after_the_verb_keep_the_body():
    rows = _rows('"The offer is far too low for our shareholders," said Norcom and Tom Hale.\n')
    assert _speaker_text(rows, _quote(rows, "The offer")) == "Norcom"


def test_a_title_with_a_full_stop_does_not_end_the_reporting_clause_after_a_quotation():
    rows = _rows('Nobody was hurt.\n\n"We do not comment on single cases," Army Col. Ruth Okonkwo said in a statement.\n')
    quote = _quote(rows, "We do not")
    assert (quote["cue_text"], _speaker_text(rows, quote)) == ("said", "Ruth Okonkwo")


def test_a_name_after_on_after_the_verb_is_not_the_speaker():
    rows = _rows('"Yes, we have more than five million people out of work," a minister said earlier on Norland Radio.\n')
    assert _quote(rows, "Yes, we have")["speaker_id"] != "norland-radio"


def test_a_capitalised_sentence_after_a_question_is_not_its_reporting_clause():
    rows = _rows('Reporter Dana Ruiz asks, "Is the mayor planning to close the library?" He claims that the '
                 'council has the library in its sights and will act soon.\n')
    assert _speaker_text(rows, _quote(rows, "Is the mayor")).endswith("Dana Ruiz")


def test_a_question_followed_by_its_own_reporting_clause_keeps_it():
    rows = _rows('"Is the mayor planning to close the library and the pool as well?" asked Dana Ruiz of the '
                 'Riverside Residents Group at the meeting on Monday night.\n')
    assert _speaker_text(rows, _quote(rows, "Is the mayor")) == "Dana Ruiz"


def test_pronoun_after_a_quotation_refers_to_the_subject_of_the_sentence_before_not_an_earlier_speaker():
    rows = _rows('Minister Tom Hale said the plan would cut crime. On Monday Daniel Okafor defended the plan against '
                 'criticism.\n\n"My view of this is very clear," he told MPs.\n')
    quote = _quote(rows, "My view")
    assert (_speaker_text(rows, quote), quote["speaker_id"]) == ("he", "daniel-okafor")


def test_pronoun_subject_in_a_sentence_after_a_possessive_subject_refers_to_its_owner():
    rows = _rows('Tom Hale said the offer was low. Mr Berg\'s letter, which was meant for a colleague, named Ana Reyes. '
                 'In it, he said: "Just spoke to Ana about the statement."\n')
    assert _quote(rows, "Just spoke")["speaker_id"] in ("berg", "mr-berg")


def test_a_sentence_opening_with_the_same_pronoun_passes_the_antecedent_back():
    rows = _rows('Peter Nolan, the club chairman, said he had suspended the player. He said that any evidence would be '
                 'read and Mr Dunn may be interviewed. He added: "I cannot comment on it yet."\n')
    assert _quote(rows, "I cannot")["speaker_id"] == "peter-nolan"


def test_a_pronoun_after_a_verb_opening_a_subordinate_clause_does_not_pass_the_antecedent_back():
    rows = _rows('Tom Hale said the plan was bad. Asked whether he agreed, Mr Berg told the BBC: "I reject it." '
                 'He said he found the plan "abhorrent".\n')
    assert _quote(rows, "abhorrent")["speaker_id"] in ("berg", "mr-berg")


def test_a_person_after_next_to_and_a_title_is_not_the_subject():
    rows = _rows('Tom Hale met Mr Lind in London. But standing next to Mr Lind he added that it was "a good day". '
                 '"That is all there is to say."\n')
    assert _quote(rows, "That is all")["speaker_id"] == "tom-hale"


def test_role_nominal_refers_to_the_person_in_a_subject_place_not_the_nearest_object():
    rows = _rows('Tom Hale has dismissed reports he told Ana Reyes he would quit.\n\n"You do not swap posts for votes like '
                 'that," the prime minister told Radio Norland.\n')
    assert _quote(rows, "You do not")["speaker_id"] == "tom-hale"


def test_role_nominal_refers_to_the_person_given_that_role_as_a_title_not_a_deputy():
    rows = _rows('Prime Minister Tom Hale met the unions. At a reception held by Deputy Prime Minister Ana Reyes, the talks '
                 'went on. According to one guest the prime minister said: "Stand by me this year and then I step down."\n')
    assert _quote(rows, "Stand by me")["speaker_id"] == "tom-hale"


def test_kind_of_body_refers_to_the_company_in_a_subject_place_not_one_named_after_by():
    rows = _rows('Shares in Norcom Records fell. Norcom Records said two albums, one by Corvia and one by Pellamy, were late.\n\n"Sales have been lower '
                 'than we expected," the company added.\n')
    assert _quote(rows, "Sales have")["speaker_id"] == "norcom-records"


def test_definite_spokeswoman_speaks_for_the_body_of_an_earlier_spokeswoman():
    rows = _rows('"We have passed the case on," a Norcom Bank spokeswoman said. "We found clues of possible fraud," the '
                 'spokeswoman said.\n')
    quote = _quote(rows, "We found")
    assert (_speaker_text(rows, quote), quote["speaker_id"]) == ("the spokeswoman", "norcom-bank")


def test_a_reporting_clause_after_its_verb_does_not_take_a_pronoun_from_the_next_paragraph():
    rows = _rows('Tom Hale runs Norcom Bank.\n\n"Our men stopped 25 of them before dawn," the officer said.\n\n'
                 'He said two vans were found.\n')
    assert _speaker_text(rows, _quote(rows, "Our men")) != "He"


def test_a_spokesman_of_a_kind_of_body_speaks_for_the_body_of_that_kind_named_before():
    rows = _rows('The fire started at the Norland Vocational College on Friday.\n\nA college spokesman added: "The hall is '
                 'insured and we will decide what to do."\n')
    quote = _quote(rows, "The hall")
    assert (_speaker_text(rows, quote), quote["speaker_id"]) == ("A college spokesman", "norland-vocational-college")


def test_a_place_after_a_preposition_before_a_colon_is_not_the_speaker():
    rows = _rows('The party wants fewer people to move into Norway with the slogan: "It is not wrong to set limits."\n')
    assert _quote(rows, "It is not wrong")["speaker_id"] != "norway"


def test_a_pronoun_resolved_to_a_lone_surname_takes_the_full_name_given_earlier():
    """(On hand-made mentions: the entity layer links `Mr Kent` to `Charles Kent` itself unless it
    typed the lone surname as something else, here a place.)"""
    from landstrikes.extract.entities import Mention
    from landstrikes.extract.quoterow import Quote, Speaker
    from landstrikes.extract.speakers.pronouns import resolve_pronouns

    text = 'Party leader Charles Kent spoke. Earlier Mr Kent said it was flawed. "Why this law?" he asked.\n'
    full, lone = text.index("Charles Kent"), text.index("Kent said")
    mentions = [Mention(full, full + 12, "Charles Kent", "PERSON", "NAME", 0.9, "male"),
                Mention(lone, lone + 4, "Kent", "GPE", "NAME", 0.9)]
    he = text.index("he asked")
    quote = Quote(text.index("Why"), text.index('?"') + 1, "direct",
                  Speaker("pronoun", Mention(he, he + 2, "", "PERSON", "PRONOUN", 0.5, "male")), (he + 3, he + 8, "ask"), None, 0.8)
    masked = text[:quote.start] + " " * (quote.end - quote.start) + text[quote.end:]
    resolved = resolve_pronouns([quote], mentions, {}, text, masked, mentions)[0]
    assert (resolved.speaker.mention.name, resolved.speaker.mention.type) == ("Charles Kent", "PERSON")


def test_a_role_nominal_with_a_name_in_apposition_is_that_person():
    rows = _rows('Dana Ruiz spoke first.\n\nThe US president, Ana Reyes, also condemned the attack. "We condemn this '
                 'murder," she said.\n')
    assert _quote(rows, "We condemn")["speaker_id"] == "ana-reyes"


def test_a_relative_of_a_named_person_speaks_not_the_person():
    rows = _rows('The guard was shot.\n\n"He was a wonderful young man," Cpl. Tom Hale\'s aunt told the Norland Times.\n')
    assert _quote(rows, "He was a")["speaker_id"] != "tom-hale"


def test_a_person_inside_a_fronted_phrase_before_the_comma_is_not_the_subject():
    """`In his first interview after the Tom Hale affair, Bob Marsh told ...`: the subject follows
    the fronted phrase's comma (the gold's `According to him` after such a sentence is Trump's)."""
    rows = _rows('In his first interview following the Tom Hale affair, Bob Marsh told the radio that the plan was '
                 'sound. According to him, the next phase would involve new courts.\n')
    quote = next(q for q in rows["quotes"] if q["text"].startswith("the next phase"))
    assert (_speaker_text(rows, quote), quote["speaker_id"]) == ("him", "bob-marsh")
