"""extract49: classes of extractor errors found out of sample (session 37's open items, newuser48's
invented article, the dev texts' errors and the dev-news texts outside the held-out sets). Every
sentence here is invented. Cases marked `guard` hold a rule's limits; the others failed on main
before the rule."""

from __future__ import annotations

import pytest

from landstrikes.extract.article import extract_article
from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


# --- "and" or "in" between common words inside one body's name ----------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Inspectors from the Health and Safety Executive visited Kesby on Monday.", "Health and Safety Executive"),
    ("He wrote to the Tides and Moorings Advisory Council last week.", "Tides and Moorings Advisory Council"),
    ("The report went to the Commons Ferries and Moorings Committee on Friday.", "Commons Ferries and Moorings Committee"),
    ("It was published by the Thrift in Government Unit in May.", "Thrift in Government Unit"),
    ("She joined the Nursing and Midwifery Board in 2001.", "Nursing and Midwifery Board"),
])
def test_and_or_in_between_common_words_before_a_head_is_one_body(text, name):
    assert (name, "ORG") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "names"), [
    # (guard) two bodies, the first named with "of"
    ("He said the Ministry of Fisheries and World Harbour Organisation agreed.", ["Ministry of Fisheries", "World Harbour Organisation"]),
    # (guard) a name of its own before "and"
    ("He said Norcom and Kesby Council agreed.", ["Norcom", "Kesby Council"]),
    # (guard) a title after the head: the person stays a person
    ("In May, Tides and Moorings Committee Chairman Ann Lee told reporters.", ["Ann Lee"]),
])
def test_and_before_a_head_does_not_join_two_names(text, names):
    found = [name for name, _ in _found(text)]
    for name in names:
        assert name in found, found


def test_the_port_of_a_town_is_one_name():
    found = _found("Ships reached the Port of Valmouth on Monday.")
    assert found == [("Port of Valmouth", "LOC")], found


# --- products: a maker's product, a model's number ----------------------------------------------------


def test_a_makers_product_is_no_body():
    text = ("Norvane said on Monday the Norvane Wristband would cost $300. Norvane shares rose, and the "
            "Wristband sold out.")
    found = _found(text)
    assert ("Norvane Wristband", "OTHER") in found, found
    assert ("Wristband", "OTHER") in found, found
    assert found.count(("Norvane", "ORG")) == 2, found


@pytest.mark.parametrize(("text", "name"), [
    ("Pilots flew the Corvair 747 to Kesby, Corvair said. Corvair denied it.", "Corvair 747"),
    ("He beat his brother while playing Skyrampart 4 on Monday.", "Skyrampart 4"),
])
def test_a_model_number_after_a_body_is_a_product(text, name):
    assert (name, "OTHER") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "name"), [
    # (guard) a body's word, a place's word or a role after the maker keeps the body
    ("Norvane rose. Norvane fell. Norvane Holdings said so.", "Norvane Holdings"),
    ("Norvane rose. Norvane fell. Norvane Stadium was full.", "Norvane Stadium"),
    # (guard) a maker read alone only once is no maker
    ("Norvane rose. The Norvane Wristband sold.", "Norvane Wristband"),
])
def test_a_body_after_a_maker_stays_a_body(text, name):
    found = _found(text)
    assert (name, "OTHER") not in found, found


@pytest.mark.parametrize("text", [
    "He said Norvane 3 million shares were sold.",  # (guard) a quantity
    "Fans saw Kesby Rovers 2 Norton 1 on Saturday.",  # (guard) a score
    "He worked at Number 10 for years.",  # (guard) a place named by its number
])
def test_a_number_after_a_name_that_is_no_model_stays_out(text):
    assert not any(kind == "OTHER" for _, kind in _found(text)), _found(text)


# --- a programme named with a number after a broadcaster; people counted after a channel's number ---------


def test_a_programme_named_with_a_number_is_not_a_channel_number():
    found = _found("She told NBC 48 Hours on Sunday that the plan had failed.")
    assert ("48 Hours", "MEDIA") in found, found
    assert ("NBC 48", "MEDIA") not in found, found


@pytest.mark.parametrize("text", [
    "The ferry sank off Kesby and Channel 12 people were rescued.",
    "The ferry sank off Kesby and Channel 40 passengers were rescued.",
])
def test_people_counted_after_a_channel_word_are_no_channel_number(text):
    assert not any(name.startswith("Channel ") for name, _ in _found(text)), _found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("It was shown on Channel 4 viewers said.", "Channel 4"),  # (guard) the channel's audience
    ("He said NBC 5 believes the patient is a nurse.", "NBC 5"),  # (guard) a verb in -s after the channel
])
def test_a_channel_number_before_its_audience_or_a_verb_stays(text, name):
    assert (name, "MEDIA") in _found(text), _found(text)


# --- a person's name after a team's plural possessive, with a given name the census lacks -----------------


def test_an_unknown_given_name_after_a_plural_possessive_is_a_person():
    found = _found("The Harriers' Zorvan James scored twice on Saturday.")
    assert ("Zorvan James", "PERSON") in found, found


def test_a_body_after_a_plural_possessive_stays_one_name():
    # (guard) a body's head word after the possessive
    found = _found("He said the Kesby Dockers' Tavish Union agreed.")
    assert ("Kesby Dockers' Tavish Union", "ORG") in found, found


# --- a byline's name ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Dock strike\n\nBy Helena Brandt, Staff Reporter\n\nThe port reopened on Monday.",
    "By Helena Brandt\nThe port reopened on Monday.",
])
def test_a_bylines_name_is_one_person(text):
    assert ("Helena Brandt", "PERSON") in _found(text), _found(text)


def test_by_before_a_day_opens_no_name():
    # (guard)
    assert _found("By Monday, the port had reopened.") == [], _found("By Monday, the port had reopened.")


# --- names written with the Arabic article (al-, el-) ---------------------------------------------------


def test_a_name_with_the_article_is_one_person_and_its_short_forms_link_to_it():
    text = ("Officials said Yusuf Idris al-Karnawi had fled. Karnawi was last seen in May, and al-Karnawi's "
            "aides declined to comment.")
    found = _found(text)
    assert ("Yusuf Idris al-Karnawi", "PERSON") in found, found
    assert ("Karnawi", "PERSON") in found and ("al-Karnawi", "PERSON") in found, found


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Fighters of al-Tawhidiya attacked the town on Monday.", "al-Tawhidiya", "ORG"),  # written only so: found
    ("He said Jabhat al-Tawhidiya had fled.", "Jabhat al-Tawhidiya", "ORG"),  # a body's first word
    ("They fought near the town of Ras al-Qarnaba on Monday.", "Ras al-Qarnaba", "GPE"),  # a place's first word
    ("Hamid al-Karnawi said the talks had failed.", "Hamid al-Karnawi", "PERSON"),  # at a sentence start
])
def test_a_name_after_the_article_takes_it_in(text, name, kind):
    assert (name, kind) in _found(text), _found(text)


def test_a_lower_case_word_before_a_hyphen_is_no_article():
    # (guard) "Sergeant-at-Arms", "well-Known": only al-/el-/as-/ash-/ad-/ar-/az- after a blank
    found = _found("He told the Sergeant-at-Arms on Monday.")
    assert all(not name.startswith("at-") for name, _ in found), found


def test_the_speaker_named_with_the_article_is_the_whole_name():
    text = 'Yusuf Idris al-Karnawi spoke to reporters. "We will not leave," al-Karnawi said.'
    rows = extract_article("a", text)
    quote = next(q for q in rows["quotes"] if q["text"].startswith("We will"))
    assert quote["speaker_id"] == "yusuf-idris-al-karnawi", quote["speaker_id"]


# --- a scandal named after Watergate ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("First came Skategate, and fans were furious.", "Skategate"),
    ("Then there was #LidGate on the forums.", "LidGate"),
    ("The CrumbGate affair ran for weeks.", "CrumbGate"),
])
def test_a_scandal_named_with_gate_is_an_event(text, name):
    assert (name, "EVENT") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    "Shoppers fled the Westgate centre on Monday.",  # (guard) a compass word's place
    "He grew up in Lockgate, a small town.",  # (guard) a name after "in"
])
def test_a_place_ending_in_gate_is_no_scandal(text):
    assert not any(kind == "EVENT" for _, kind in _found(text)), _found(text)


# --- two words with no census name, a common word last: no person ---------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("He bought a Norvex Air last week.", "Norvex Air"),
    ("Staff at Zorlan Plumbing said they had been threatened.", "Zorlan Plumbing"),
])
def test_two_words_with_no_census_name_and_a_common_word_last_are_no_person(text, name):
    found = _found(text)
    assert any(n == name and kind != "PERSON" for n, kind in found), found


def test_an_unknown_given_name_before_an_unknown_surname_stays_a_person():
    # (guard) "Herve Gaymard": neither word is an English common word
    assert ("Herve Gaymard", "PERSON") in _found("He said Herve Gaymard agreed.")


def test_he_after_a_firm_named_by_a_common_word_is_the_person_named_before():
    text = ('Tomas Oberlin runs Zorlan Plumbing in Kesby. Zorlan Plumbing has had calls all week. '
            '"I just want it to stop," he said.')
    rows = extract_article("a", text)
    quote = next(q for q in rows["quotes"] if q["text"].startswith("I just"))
    assert quote["speaker_id"] == "tomas-oberlin", quote["speaker_id"]


# --- a zero-that clause after "told <whom>" -------------------------------------------------------------


def _indirect(text: str) -> list[str]:
    return [q["text"] for q in extract_article("a", text)["quotes"] if q["kind"] == "indirect"]


@pytest.mark.parametrize("text", [
    "Dr Tom Orlan told reporters the boy had died in the night.",
    "Tom Orlan told the Kesby Courier on Monday the boy had died in the night.",
    "Tom Orlan told him the boy had died in the night.",
    "Tom Orlan told Kesby Radio 4 the boy had died in the night.",
])
def test_a_zero_that_clause_after_told_whom_is_reported_speech(text):
    assert "the boy had died in the night" in _indirect(text), _indirect(text)


@pytest.mark.parametrize("text", [
    "Tom Orlan told him to leave the room at once.",  # (guard) an infinitive
    "Tom Orlan told the court of the attack on his home.",  # (guard) a preposition
    "I'm told Norcom will honour the leases next year.",  # (guard) a passive: nobody tells
    "She spoke, telling a press conference convened to promote her album she is upset.",  # (guard) a participle
])
def test_told_without_a_clause_after_its_object_reports_nothing(text):
    assert _indirect(text) == [], _indirect(text)


def test_a_titled_name_after_told_the_outlet_opens_the_clause():
    text = "Sources told the Kesby Courier Mr Orlan had always agreed to it."
    assert "Mr Orlan had always agreed to it" in _indirect(text), _indirect(text)


def test_an_adjective_in_ed_opens_a_clause_after_told_whom():
    text = "Two lawmakers told Kesby News Wednesday suspected smugglers have crossed the border."
    assert "suspected smugglers have crossed the border" in _indirect(text), _indirect(text)


# --- an outlet named by one English word after "the" --------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("The Bell reported that a man had been arrested.", "The Bell"),  # a census surname that is also a word
    ("He told the Bell the man had been arrested.", "Bell"),
])
def test_an_outlet_named_by_a_word_is_no_person(text, name):
    assert (name, "MEDIA") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    "Officials from the North said the leader was ill.",  # (guard) a compass word
    "Storms in the Sun's outer layer were seen.",  # (guard) no reporting verb, no "told the"
])
def test_a_word_after_the_that_reports_nothing_is_no_outlet(text):
    assert not any(kind == "MEDIA" for _, kind in _found(text)), _found(text)
