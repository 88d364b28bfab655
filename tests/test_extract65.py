"""extract65: classes of entity errors found out of sample (newuser59's invented article, the dev texts'
errors and the dev-news texts outside the held-out and audit sets). Every sentence here is invented.
Cases marked `guard` hold a rule's limits; the others failed on main before the rule."""

from __future__ import annotations

import pytest

from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


def _entity(text: str, surface: str) -> str:
    """The entity name the first mention written `surface` is linked to."""
    return next(m.name for m in find_mentions(text) if text[m.start:m.end] == surface)


# --- named storms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Storm Hester battered the coast on Tuesday, the council said.", "Storm Hester"),
    ("Roofs were torn off after Hurricane Delmar struck the island.", "Hurricane Delmar"),
    ("Flights were cancelled as Typhoon Kessa neared the coast.", "Typhoon Kessa"),
    ("Forecasters said Tropical Storm Orla had weakened overnight.", "Tropical Storm Orla"),
    ("Crops were lost when Cyclone Parvi hit the delta.", "Cyclone Parvi"),
])
def test_a_named_storm_is_an_event_not_a_person(text, name):
    assert (name, "EVENT") in _found(text), _found(text)


def test_a_storms_name_alone_is_the_storm():
    text = "Storm Hester battered the coast on Tuesday. Hester left 40 homes without power."
    assert _found(text) == [("Storm Hester", "EVENT"), ("Hester", "EVENT")], _found(text)
    assert _entity(text, "Hester") == "Storm Hester"


def test_a_common_word_after_a_storm_word_is_no_storm():
    # guard: "Storm Damage" in title case names no storm
    assert all(kind != "EVENT" for _, kind in _found("Officials said Storm Damage Grants would open in May."))


# --- a dateline with a date ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("PORT ELLERBY, March 3 (Coastal Wire) - The pier was closed, the council said.\n\n"
     "People in Port Ellerby were angry.", "PORT ELLERBY", "Port Ellerby"),
    ("CAPE MORROW, Jan. 12, 2015 - Rain fell for a week.\n\nCape Morrow flooded.", "CAPE MORROW", "Cape Morrow"),
    ("FORT ADLEY, Kesland, Sept. 4 (Reuters) - Rain fell.", "FORT ADLEY", "Fort Adley"),
])
def test_a_datelines_place_before_a_date_is_a_place(text, surface, name):
    mentions = [m for m in find_mentions(text) if text[m.start:m.end] == surface]
    assert [(m.name, m.type) for m in mentions] == [(name, "GPE")], [(m.name, m.type) for m in find_mentions(text)]


def test_the_datelines_place_written_again_is_the_same_place():
    text = "PORT ELLERBY, March 3 (Coastal Wire) - The pier was closed.\n\nPeople in Port Ellerby were angry."
    assert ("Port Ellerby", "GPE") in _found(text), _found(text)
    assert _entity(text, "Port Ellerby") == _entity(text, "PORT ELLERBY") == "Port Ellerby"


# --- a lone name before a family noun or a leader's office ---------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Critics said the Zorvik brothers had funded the campaign.", "Zorvik"),
    ("The Varley family declined to comment.", "Varley"),
    ("Aid was cut under the Obrenko administration.", "Obrenko"),
    ("Exiles fled the Tasvari regime in 1990.", "Tasvari"),
])
def test_a_name_before_a_family_or_office_noun_is_a_person(text, name):
    assert (name, "PERSON") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    # guard: a common word (a party, a building) before the noun is no surname
    "The Labour administration said no.",
    "The Kremlin administration said no.",
])
def test_a_common_word_before_an_office_noun_is_no_person(text):
    assert all(kind != "PERSON" for _, kind in _found(text)), _found(text)


# --- a surname's particle after a title or "the" ------------------------------------------------------


@pytest.mark.parametrize(("text", "surface"), [
    ("Mr. de Varno met the mayor on Monday.", "de Varno"),
    ("On Monday Mayor de Varno said the plan would go ahead.", "de Varno"),
    ("Critics said the de Varno administration had failed.", "de Varno"),
    ("Mr van der Holt agreed.", "van der Holt"),
])
def test_a_particle_after_a_title_or_the_is_part_of_the_surname(text, surface):
    assert (surface, "PERSON") in _found(text), _found(text)


def test_a_surname_with_its_particle_is_the_full_names_person():
    text = "Hamish de Varno is a chemist. Mr de Varno said the tests were clear."
    assert _found(text) == [("Hamish de Varno", "PERSON"), ("de Varno", "PERSON")], _found(text)
    assert _entity(text, "de Varno") == "Hamish de Varno"


def test_a_particle_after_a_common_noun_opens_no_name():
    # guard: "the de <Name> gallery" with nothing saying a person: the particle is left out
    assert [name for name, _ in _found("He went to the de Brel gallery.")] == ["Brel"]


# --- "City of <Place>" and a body before a title and a person ----------------------------------------


def test_city_of_a_place_is_one_name():
    found = _found("Officers from the City of Ellerby Police arrested two men. He lives in the City of Kesby.")
    assert found == [("City of Ellerby Police", "ORG"), ("City of Kesby", "GPE")], found


def test_a_clubs_city_does_not_join_across_of():
    # guard: "<Town> City of the <League>" is a club and a league
    found = _found("He said Carlisle City of the Northern League won.")
    assert ("Carlisle City", "ORG") in found and ("Northern League", "ORG") in found, found


@pytest.mark.parametrize(("text", "body", "person"), [
    ("He said City of Ellerby Police Chief Ann Lee spoke.", "City of Ellerby Police", "Ann Lee"),
    ("He said the Department of Harbours Secretary Ben Ode spoke.", "Department of Harbours", "Ben Ode"),
])
def test_a_body_joined_across_of_before_a_title_and_a_name_is_two_names(text, body, person):
    found = _found(text)
    assert (body, "ORG") in found and (person, "PERSON") in found, found


# --- quoted headlines in running text ----------------------------------------------------------------


def test_a_quoted_headlines_words_are_no_names():
    text = ("Hello there.\n\nHer stories include 'Ann Lee Quits The Council To Run For Mayor Of Tarnvale' "
            "and a post that asks, \"Will This Ferry Sail Again Before Ben Ode Retires?\" Critics laughed.")
    found = _found(text)
    assert ("Ann Lee", "PERSON") in found and ("Ben Ode", "PERSON") in found, found
    for word in ("Quits", "Run", "Will", "Ferry", "Sail", "Retires"):
        assert all(word not in name for name, _ in found), found


def test_a_quoted_name_is_no_headline():
    # guard: a name in quotation marks writes its connectors in lower case
    found = _found('Supporters of the "Kesby Harbour Trust" said no.')
    assert ("Kesby Harbour Trust", "ORG") in found, found


def test_words_between_two_quotations_are_no_headline():
    # guard: a straight mark after a full stop closes a quotation; what follows it is running text
    text = 'He wrote "It Was Over." Ann Lee, Kesby Times. "The End Of It" he said.'
    assert ("Ann Lee", "PERSON") in _found(text), _found(text)


# --- party words, a member's seat, a member's party ----------------------------------------------------


def test_conservative_is_a_party_word_as_conservatives_is():
    found = _found("Mr Ode, a Conservative, said the Conservative plan would fail.")
    assert found.count(("Conservative", "NORP")) == 2, found


@pytest.mark.parametrize(("text", "party", "seat"), [
    ("The Labour MP for Kesby North said no.", ("Labour", "ORG"), "Kesby North"),
    ("Ann Lee, the Conservative MP for Harlowby, said no.", ("Conservative", "NORP"), "Harlowby"),
    ("Ben Ode, the Green AM for Tarnvale, said no.", None, "Tarnvale"),
])
def test_a_members_seat_is_a_place(text, party, seat):
    found = _found(text)
    assert (seat, "GPE") in found, found
    if party is not None:
        assert party in found, found


def test_a_ministers_field_is_no_seat():
    # guard: "Minister for <Field>" names what the office is for, not a place
    found = _found("The Minister for Harbours said no.")
    assert ("Harbours", "GPE") not in found, found


@pytest.mark.parametrize(("text", "party", "person"), [
    ("Liberal Democrat Ann Lee said it was a serious matter.", "Liberal Democrat", "Ann Lee"),
    ("For the Lib Dems Ben Ode said no.", "Lib Dems", "Ben Ode"),
])
def test_a_members_party_before_the_name_is_no_part_of_it(text, party, person):
    found = _found(text)
    assert (party, "NORP") in found and (person, "PERSON") in found, found


# --- model codes and words with capitals inside -------------------------------------------------------


@pytest.mark.parametrize("code", ["Q460", "KV-22", "T-88s", "R400X"])
def test_a_model_code_is_no_body(code):
    assert (code, "OTHER") in _found(f"The air force said two {code} planes had landed."), _found(f"The air force said two {code} planes had landed.")


def test_a_groups_number_is_no_model():
    # guard: "G20" names a group of states
    assert ("G20", "ORG") in _found("Leaders met at the G20 in May.")


@pytest.mark.parametrize("word", ["TarnLink", "MacVarno", "NorvaSmithTel"])
def test_a_word_with_a_capital_inside_opening_a_paragraph_is_a_name(word):
    text = f"Hello.\n\n{word} shares rose on Monday."
    assert (word, "ORG") in _found(text), _found(text)


@pytest.mark.parametrize("word", ["LeeYesterday", "TarnLinkKesbyNetVarnoShare", "Ab3dEf9Gh"])
def test_glued_words_and_ids_opening_a_paragraph_stay_doubtful(word):
    # guard: a function word glued last, three capitals inside or digits: no name's spelling
    text = f"Hello.\n\n{word} shares rose on Monday."
    assert _found(text) == [], _found(text)
