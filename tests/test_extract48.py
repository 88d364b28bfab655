"""extract48: classes of entity errors found out of sample (a new user's invented article, newuser47 N5;
attack49's left item; the dev-news texts outside the held-out sets). Every sentence here is invented.
Cases marked `guard` hold a rule's limits; the others failed on main before the rule."""

from __future__ import annotations

import pytest

from landstrikes.extract.article import extract_article
from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


def _speaker(text: str, quote_start: str) -> str | None:
    rows = extract_article("a", text)
    quote = next(q for q in rows["quotes"] if q["text"].startswith(quote_start))
    return quote["speaker_id"]


# --- an initialism opening a paragraph before a dash is no dateline ----------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("NATO — the alliance said it would meet in May.", "NATO"),
    ("AMAZON — the company said it would hire staff.", "AMAZON"),
    ("Jobs plan\n\nNORCOM - the firm said on Monday it would hire.", "NORCOM"),
])
def test_an_initialism_before_a_dash_without_a_region_is_a_body(text, word):
    assert (word, "ORG") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("LARCHMOUTH — A ferry was withdrawn on Monday.", "LARCHMOUTH"),  # longer than an initialism
    ("KESBY, Maine — A ferry was withdrawn on Monday.", "KESBY"),  # a region after it
    ("KESBY (AP) — A ferry was withdrawn on Monday.", "KESBY"),  # an outlet in brackets after it
])
# (guard: datelines stay places)
def test_a_dateline_with_a_region_or_an_outlet_or_a_long_name_stays_a_place(text, word):
    assert (word, "GPE") in _found(text), _found(text)


# --- a dateline's place is that place wherever the article names it ---------------------------------


def test_the_town_a_dateline_names_is_a_place_elsewhere_in_the_article():
    text = ("Harbour plan delayed\n\nCALLOWAY, Maine — The harbour board in Calloway voted on Tuesday to delay "
            "the plan.\n\n\"Calloway deserves a real study,\" Owen Bradley said.")
    found = _found(text)
    assert found.count(("Calloway", "GPE")) == 2, found


def test_an_initialism_beside_a_dateline_keeps_its_own_type():
    # (guard) only a dateline's own title-cased name takes its reading: "EU" named so keeps its type
    text = "KESBY, Maine — The EU said so. The European Union met in May."
    found = _found(text)
    assert ("European Union", "GPE") not in found, found


# --- a plural noun's possessive inside a name ----------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Members of the Calloway Lobstermen's Cooperative said the plan would cut the catch.", "Calloway Lobstermen's Cooperative"),
    ("She chairs the Kesby Women's Institute.", "Kesby Women's Institute"),
    ("The Norland Workers' Party met on Monday.", "Norland Workers' Party"),
    ("It was read out to the Kesby People’s Council on Monday.", "Kesby People’s Council"),
    ("Wexbury Farmers' Union members voted.", "Wexbury Farmers' Union"),
    ("The Doctors' Christian Fellowship said so.", "Doctors' Christian Fellowship"),
])
def test_a_plural_nouns_possessive_inside_a_name_is_one_body(text, name):
    assert (name, "ORG") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    "He told Norcom News' Ann Lee on Monday that it was over.",  # an outlet's reporter
    "Tom Varley's Kesby office was closed.",  # a person's possession
    "It was shown by Norcom Dynamics’ Velo drone.",  # a plural that names a firm
    "She was told by Children's Minister Ann Lee that it was over.",  # a title after it
])
# (guard: a name's own possessive before another name)
def test_a_names_own_possessive_joins_no_two_names(text):
    surfaces = [surface for surface, _ in _found(text)]
    assert not any(mark in surface for surface in surfaces for mark in ("' ", "’ ", "'s ", "’s ")), surfaces


def test_a_plural_possessive_joined_with_a_body_speaks_as_that_body():
    text = "The Kesby Bankers' Association said that lending was weaker in May."
    assert _speaker(text, "lending was weaker") == "kesby-bankers-association"


# --- a jurisdiction word before a title is the office's, not a body ------------------------------------


@pytest.mark.parametrize(("text", "person", "body"), [
    ("State Representative Owen Bradley said he backed the delay.", "Owen Bradley", "State"),
    ("County Sheriff Tom Ode said the road was shut.", "Tom Ode", "County"),
    ("City Councillor Ann Lee said the road was shut.", "Ann Lee", "City"),
    ("District Attorney Ken Varley said the case was closed.", "Ken Varley", "District"),
    ("State Prosecutor Ian Ode said the case was closed.", "Ian Ode", "State Prosecutor Ian Ode"),
])
def test_a_jurisdiction_word_before_a_title_names_no_body(text, person, body):
    found = _found(text)
    assert (person, "PERSON") in found and body not in [surface for surface, _ in found], found


@pytest.mark.parametrize(("text", "place"), [
    ("Gilbert County Prosecutor Bob Kesby said the case was closed.", "Gilbert County"),
    ("Wexbury County District Attorney Dan Ode said so.", "Wexbury County"),
])
def test_a_county_before_a_title_stays_a_place(text, place):
    found = _found(text)
    assert place in [surface for surface, _ in found] and ("Wexbury County District", "PERSON") not in found, found


def test_a_prosecutor_named_by_role_is_no_one_named_before_him():
    # (guard) `Prosecutor` is a title before a name only: "the prosecutor said" names nobody before it
    text = "A prosecutor said Tom Ode, a veteran, had been arrested in July, the prosecutor said."
    assert _speaker(text, "A prosecutor said") != "tom-ode"


# --- a cue coordinated inside a that-clause (extract47's left item) ------------------------------------


@pytest.mark.parametrize("text", [
    "The Kesby Herald reports that Ann Lee visited the harbour on Monday and said the plan would fail.",
    "The Kesby Herald reported on Monday that Ann Lee visited the harbour and said the plan would fail.",
])
def test_a_cue_coordinated_inside_a_that_clause_takes_that_clauses_subject(text):
    assert _speaker(text, "the plan would fail") == "ann-lee"


@pytest.mark.parametrize(("text", "quote_start", "speaker"), [
    ("Norcom Police claim that Tom Ode attacked Ann Lee, and said that she was hurt.", "she was hurt", "norcom-police"),
    ("Tom Varley said Ann Lee had resigned and said the board agreed.", "Ann Lee had resigned", "tom-varley"),
])
# (guard: after a comma, or with no `that`, the cue is coordinated with the first verb)
def test_a_cue_after_a_comma_or_without_that_keeps_the_first_verbs_subject(text, quote_start, speaker):
    assert _speaker(text, quote_start) == speaker


# --- a channel's number is part of the outlet's name ----------------------------------------------------


@pytest.mark.parametrize(("text", "outlet"), [
    ("He told Norcom News 24 that it was over.", "Norcom News 24"),
    ("She said on Channel 10 that it would hire.", "Channel 10"),
    ("He told Sky 12 and NBC 9 so.", "Sky 12"),
    ("A neighbour told KXOU 11 News that it burned.", "KXOU 11 News"),
    ("He spoke to 12 News Now on Monday.", "12 News Now"),
    ("The mayor told Norcom Radio 4's morning programme that it was over.", "Norcom Radio 4"),
])
def test_a_broadcasters_channel_number_is_part_of_its_name(text, outlet):
    assert (outlet, "MEDIA") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    "The BBC 5 years ago said so.",
    "Some 90 News Corp shares fell.",
    "The ferry left the Channel 4 miles out.",
])
# (guard: a quantity after a name is no channel)
def test_a_quantity_after_a_name_is_no_channel_number(text):
    assert not any(any(c.isdigit() for c in surface) for surface, _ in _found(text)), _found(text)


# --- "and" between two bodies' names -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "names"), [
    ("The Kesby Bank and the IMF met on Monday.", ["Kesby Bank", "IMF"]),
    ("Shares in Norcom Bank and Velbyco fell.", ["Norcom Bank", "Velbyco"]),
    ("The Kesby Army and Nato agreed.", ["Kesby Army", "Nato"]),
    ("The Wexbury Commission and the Department for Harbours met.", ["Wexbury Commission", "Department for Harbours"]),
])
def test_and_between_two_bodies_names_keeps_them_apart(text, names):
    surfaces = [surface for surface, _ in _found(text)]
    assert all(name in surfaces for name in names), surfaces


@pytest.mark.parametrize(("text", "name"), [
    ("It banks with Kesby Bank and Trust.", "Kesby Bank and Trust"),
    ("The Office of Administration and Finance agreed.", "Office of Administration and Finance"),
])
# (guard: a body named by two common nouns joined by "and" stays one name)
def test_and_before_a_common_noun_stays_inside_a_bodys_name(text, name):
    assert name in [surface for surface, _ in _found(text)], _found(text)


def test_a_given_name_before_a_trade_word_is_a_firm():
    # (it had been a person, whom "he said" after the list of firms then named)
    text = "Kesby Group and Carter Leisure, who had hoped for more, fell."
    assert ("Carter Leisure", "ORG") in _found(text), _found(text)


# --- a role noun before a person's name ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "person"), [
    ("Officer Darrel Wilkes said the car was stopped.", "Darrel Wilkes"),
    ("Dog Walker Cesar Ode agreed on Monday.", "Cesar Ode"),
    ("The film was written by Screenwriter Aaron Kesby last year.", "Aaron Kesby"),
    ("Father Tom Varno led the service.", "Tom Varno"),
    ("Corporal Nathan Wexby was on guard.", "Nathan Wexby"),
    ("National Security Adviser Susan Kesby said so.", "Susan Kesby"),
])
def test_a_role_noun_before_a_persons_name_is_no_part_of_it(text, person):
    assert (person, "PERSON") in _found(text), _found(text)


def test_a_role_noun_before_a_name_names_the_same_person_as_the_name_alone():
    text = "Officer Darrel Wilkes stopped the car. Later, \"It was routine,\" Darrel Wilkes said."
    assert _speaker(text, "It was routine") == "darrel-wilkes"
    assert {m.name for m in find_mentions(text)} == {"Darrel Wilkes"}


@pytest.mark.parametrize("text", [
    "Rami Abdul Kesby spoke on Monday.",  # a given name the dictionary also has in lower case
    "The Free Tom Varno page was set up.",  # a short word with a role's ending
    "Tide Warner Cable rose.",  # no person's name after the word
])
# (guard)
def test_words_that_are_no_role_stay_in_the_name(text):
    assert not any(surface in ("Abdul Kesby", "Tom Varno", "Warner Cable") for surface, _ in _found(text)), _found(text)
