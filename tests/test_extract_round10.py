"""Issue 17, tenth round: the person a name's premodifiers lead to after the reporting verb, and a
body's spokesperson (or a source at a body) as the speaker instead of the body's bare name. Each
test states one rule on sentences written for it (invented people and bodies); each failed before
its rule, or guards a rule's limit."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import rows_of as _rows  # noqa: E402

from landstrikes.extract.entities import Mention  # noqa: E402
from landstrikes.extract.speakers.after_verb import subject_after  # noqa: E402


def _row(text: str, start_words: str) -> dict:
    return next(q for q in _rows(text)["quotes"] if q["text"].startswith(start_words))


_FIRM = "Norcom Holdings cut its forecast for the year on Monday, and its shares fell by a tenth. "

# rule 1: after the verb, the person a name's premodifiers lead to speaks


def test_a_bodys_possessive_role_before_a_name_after_the_verb_gives_the_person():
    text = _FIRM + '"The orders will come back by the spring," said Norcom\'s chief analyst Tom Berry.\n'
    assert _row(text, "The orders")["speaker_id"] == "tom-berry"


def test_a_firm_name_with_and_and_a_possessive_after_the_verb_gives_the_person():
    text = _FIRM + '"The orders will come back by the spring," added Bryce and Okafor\'s Tom Berry.\n'
    assert _row(text, "The orders")["speaker_id"] == "tom-berry"


def test_a_place_and_a_capitalised_title_before_a_name_after_the_verb_give_the_person():
    text = _FIRM + '"The orders will come back by the spring," added U.S. Federal Judge Tom Berry.\n'
    assert _row(text, "The orders")["speaker_id"] == "tom-berry"


def test_capitalised_words_of_a_longer_body_name_before_a_role_and_a_name_give_the_person():
    text = _FIRM + '"The orders will come back by the spring," said Norland First Boston analyst Tom Berry.\n'
    assert _row(text, "The orders")["speaker_id"] == "tom-berry"


def test_a_name_after_a_sentence_end_is_no_subject_of_the_verb_before():
    # (the rule's own limit, on the resolver itself: in a whole article other rules decide this row)
    text = '"The orders will come back," the letter added. Norland\'s chief analyst Tom Berry said so.'
    verb_end = text.index("added") + len("added")
    norland, berry = text.index("Norland"), text.index("Tom Berry")
    mentions = [Mention(norland, norland + 7, "Norland", "GPE", "NAME", 0.85),
                Mention(berry, berry + 9, "Tom Berry", "PERSON", "NAME", 0.85)]
    assert subject_after(text, verb_end, verb_end + 60, mentions).mention.name == "Norland"


# rule 2: a body's spokesperson speaks for the body: the whole phrase is the mention

def test_a_bodys_spokesperson_before_the_verb_is_the_mention():
    text = _FIRM + 'A Norcom spokesman said: "The orders will come back by the spring."\n'
    row = _row(text, "The orders")
    assert (row["speaker_text"], row["speaker_id"]) == ("A Norcom spokesman", "norcom")


def test_a_bodys_spokesperson_after_the_quotation_is_the_mention():
    text = _FIRM + '"The orders will come back by the spring," a Norcom spokeswoman told reporters.\n'
    assert _row(text, "The orders")["speaker_text"] == "a Norcom spokeswoman"


def test_a_body_before_another_noun_keeps_its_name():
    text = _FIRM + '"The orders will come back by the spring," a Norcom engineer told reporters.\n'
    assert _row(text, "The orders")["speaker_text"] != "a Norcom engineer"


# rule 3: a spokesperson or source for a body named by a nominal (`the company`) is the phrase

def test_a_spokesman_for_the_company_is_the_mention():
    text = _FIRM + 'A spokesman for the company said: "The orders will come back by the spring."\n'
    row = _row(text, "The orders")
    assert (row["speaker_text"], row["speaker_id"]) == ("A spokesman for the company", "norcom-holdings")


# rule 4: `<outlet> quoted <someone> as saying`: the one quoted speaks

def test_the_one_an_outlet_quoted_as_saying_is_the_speaker():
    text = _FIRM + 'The Herald quoted a grain dealer as saying: "The orders will come back by the spring."\n'
    row = _row(text, "The orders")
    assert (row["speaker_status"], row["speaker_text"]) == ("unnamed_source", "a grain dealer")


def test_the_subject_of_a_passive_quoted_by_an_outlet_is_the_speaker():
    text = _FIRM + 'Tom Berry was quoted by the Herald as saying: "The orders will come back by the spring."\n'
    assert _row(text, "The orders")["speaker_id"] == "tom-berry"


# rule 5: a web site right before the verb is the subject

def test_a_web_site_before_the_verb_is_the_speaker():
    text = _FIRM + 'Spiderfacts.com writes: "No such case has ever been confirmed by a doctor."\n'
    assert _row(text, "No such case")["speaker_text"] == "Spiderfacts.com"


def test_a_web_site_earlier_in_the_clause_is_not_the_subject():
    from landstrikes.extract.speakers.before_verb import website_subject  # (here: the module still imports on older code)

    text = 'Readers who found it on Spiderfacts.com in May write: "No such case has ever been confirmed."'
    assert website_subject(text, 0, text.index("write:")) is None


# rule 6: `the spokesman` is not the person named just before

_ATTACK = "Tom Berry was attacked by a crowd outside the market on Monday. The police condemned the attack. "


def test_the_spokesman_is_not_the_person_named_before():
    text = _ATTACK + 'The spokesman said: "Nobody may punish a suspect in the street."\n'
    row = _row(text, "Nobody may")
    assert (row["speaker_text"], row["speaker_id"]) == ("The spokesman", None)


def test_his_spokesman_still_speaks_for_him():
    text = 'Tom Berry quit the party on Monday. His spokesman said: "He will not give the party more money."\n'
    assert _row(text, "He will not")["speaker_id"] == "tom-berry"


def test_a_named_familys_spokesperson_still_speaks_for_it():
    text = 'Tom Berry was freed on Monday after a year in captivity. The Berry family spokesperson said: "He is tired but well."\n'
    row = _row(text, "He is tired")
    assert (row["speaker_text"], row["speaker_id"]) == ("The Berry family spokesperson", "tom-berry")


# rule 7: a parenthesis between the subject and its verb is an aside

def test_a_name_in_a_parenthesis_before_the_verb_is_not_the_subject():
    text = ('Another resident, Tom Berry (who the Norland Herald believes was among the searchers), said, "We heard footsteps '
            'all night and saw the prints in the morning."\n')
    assert _row(text, "We heard")["speaker_id"] == "tom-berry"


def test_a_party_and_state_label_before_the_verb_is_not_the_subject():
    text = 'Rep. Tom Berry (R-CA) told reporters that ten smugglers had crossed the river on Monday.\n'
    assert _row(text, "ten smugglers")["speaker_id"] == "tom-berry"


def test_an_abbreviation_in_a_parenthesis_keeps_the_body():
    text = 'The French Chambers of Trade (FCT) said it was "worried by the calls" for a tax on flour.\n'
    assert _row(text, "it was")["speaker_text"] == "FCT"


# rule 8: a sentence closed by `, said <Name>.` has that name as its subject for the next he/she

def test_he_after_a_sentence_closed_by_said_and_a_name_is_that_name():
    text = ('The lawyer who once defended Mr Hale argued that the fines were too low for a town of that size, said '
            'Mr Lee. He said: "Our councils have never read the guidance on parking."\n')
    assert _row(text, "Our councils")["speaker_id"] == "lee"


def test_he_after_a_sentence_closed_by_told_and_a_name_is_not_the_hearer():
    text = ('The court freed Tom Hale on Monday after a year in prison, his sister told Tom Bryce. '
            'He said: "Our councils have never read the guidance on parking."\n')
    assert _row(text, "Our councils")["speaker_id"] != "tom-bryce"


# rule 9: a quotation continued in the next paragraphs goes on across a caption line between them

_CAPTIONED = ("The museum reopened its east wing on Monday after a year of repairs.\n\n"
              "Curator Ann Okafor said: 'The roof held through the winter and the paintings are back on the walls.\n\n"
              "{between}\n\n"
              "'Our volunteers cleaned every frame by hand, and the school groups return next week.\n\n"
              "'We owe the town a great deal for its patience.'\n\n"
              "Okafor joined the museum in 1998.\n")


def test_a_continued_quotation_goes_on_across_a_caption_line():
    text = _CAPTIONED.format(between="Back home: a restored portrait of a merchant hangs in the east wing")
    assert _row(text, "The roof held")["kind"] == "direct"
    for words in ("The roof held", "Our volunteers", "We owe"):
        row = _row(text, words)
        # (extract48: the role noun `Curator` is no part of the name, as a title is not; it was `curator-ann-okafor`)
        assert (row["speaker_status"], row["speaker_id"]) == ("attributed", "ann-okafor")


def test_a_line_that_ends_a_sentence_is_no_caption():
    text = _CAPTIONED.format(between="Volunteers carried the portraits back into the wing in the morning.")
    assert _row(text, "Our volunteers")["speaker_status"] != "attributed"
