"""extract71: classes of entity errors found out of sample (the dev texts' errors and the extractor's output
on the dev-news texts outside the held-out and audit sets). Every sentence here is invented. Cases marked
`guard` hold a rule's limits (they pass on main too); the others failed on main before the rule."""

from __future__ import annotations

import pytest

from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


def _entity(text: str, surface: str) -> str:
    """The entity name the first mention written `surface` is linked to."""
    return next(m.name for m in find_mentions(text) if text[m.start:m.end] == surface)


# --- a quoted work's title is one name (M4, the longest name) ----------------------------------------------


@pytest.mark.parametrize(("text", "title", "kind"), [
    ("The mayor said on “Mornings with the Harbour Crew” that the pier would open.", "Mornings with the Harbour Crew", "MEDIA"),
    ("Weller told Delmar Radio’s “Tales of the Old Quay,” that he would stand.", "Tales of the Old Quay", "OTHER"),
    ('In a video titled "A Letter to the Valley," the group named its leader.', "A Letter to the Valley", "OTHER"),
    ("The fourth season of “Kings of the Salt Marsh” opens in May.", "Kings of the Salt Marsh", "OTHER"),
    ("Tickets for the \"Lanterns in the Rain\" exhibition sold out.", "Lanterns in the Rain", "OTHER"),
    ("She wrote a book called ‘Notes from a Small Harbour’ in 2003.", "Notes from a Small Harbour", "OTHER"),
    ("Ann Keel said on NBC’s “Sunday with the Senators.” Then she left.", "Sunday with the Senators", "MEDIA"),
    ("Titled “A Message to Tarnland,” the video was posted on Monday.", "A Message to Tarnland", "OTHER"),
])
def test_a_quoted_works_title_is_one_name(text, title, kind):
    assert (title, kind) in _found(text), _found(text)
    inside = [surface for surface, _ in _found(text) if surface != title and surface in title]
    assert inside == [], inside


def test_a_titles_last_word_elsewhere_is_not_the_work():
    # the title is linked after the other names: `Quarrow` alone is still the person
    text = 'Jed Quarrow was called the "Lion of the Harbour" by fans. Quarrow said he liked it.'
    assert ("Lion of the Harbour", "OTHER") in _found(text), _found(text)
    assert _entity(text, "Quarrow") == "Jed Quarrow"


@pytest.mark.parametrize("text", [
    # guard: speech opens after a reporting verb or a colon, and its words are not all capitals and connectors
    'Ann Keel said: "Thank God for the Harbour Crew," and left.',
    '"Tarnland is the Heart of the Valley," Ann Keel said.',
    # guard: a capitalised function word inside is a quoted headline's (extract65), not a title's
    "Her stories include 'Mayor Quits The Council To Run For Senate' and others.",
])
def test_speech_and_headlines_in_quotation_marks_are_no_titles(text):
    assert not any(kind in ("OTHER", "MEDIA") and " " in surface for surface, kind in _found(text)), _found(text)


def test_a_quoted_phrase_in_a_title_case_headline_is_left_to_the_headline():
    # guard (the five gold articles): in a title-case line every word is capitalised, a title's or not
    text = "A New Start in the 'Fight on Harbour Crime'\n\nThe council met on Monday."
    assert ("Fight on Harbour Crime", "OTHER") not in _found(text), _found(text)


# --- a name before a place's kind of noun is a place ----------------------------------------------------------


@pytest.mark.parametrize(("text", "surface", "kind"), [
    ("Fighting spread across Qarvan province on Monday.", "Qarvan", "GPE"),
    ("Cases rose in Teldar governorate, the ministry said.", "Teldar", "GPE"),
    ("Shells fell on the al-Merra neighborhood overnight.", "al-Merra", "GPE"),
    ("The family owns two small Vesköra islands off the coast.", "Vesköra", "LOC"),
    ("The governor of Lower Qarvan region resigned.", "Lower Qarvan", "LOC"),
    ("Rain fell across the Upper Teldar valley.", "Upper Teldar", "LOC"),
])
def test_a_name_before_a_places_kind_is_that_place(text, surface, kind):
    assert (surface, kind) in _found(text), _found(text)


@pytest.mark.parametrize(("text", "surface"), [
    # guard: a facility's noun makes a place of one unknown word only; a longer name is the facility's own
    ("She was treated at Harrow Vale Presbyterian hospital.", "Harrow Vale Presbyterian"),
    # guard: a nationality before a place noun is the place's adjective
    ("Crowds in the West African city cheered the ship.", "West African"),
])
def test_a_place_noun_does_not_make_every_name_a_place(text, surface):
    assert all(kind not in ("GPE", "LOC") for s, kind in _found(text) if s == surface), _found(text)


# --- a faith's group word alone is NORP -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "surface"), [
    ("The bank follows Islamic principles, its chairman said.", "Islamic"),
    ("Four Orthodox nuns were freed on Sunday.", "Orthodox"),
    ("Thousands of Yazidis fled to the mountain.", "Yazidis"),
    ("Some Anglicans remain opposed to the change.", "Anglicans"),
    ("The vote split the Protestants of the town.", "Protestants"),
])
def test_a_faiths_group_word_alone_is_norp(text, surface):
    assert (surface, "NORP") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "name"), [
    # guard: a body's name that opens with a faith's word stays one body
    ("Islamic State fighters entered the town.", "Islamic State"),
    ("He studied at the Islamic University in the capital.", "Islamic University"),
])
def test_a_body_named_with_a_faiths_word_stays_a_body(text, name):
    assert (name, "ORG") in _found(text), _found(text)


# --- reported speech after a dated dateline -------------------------------------------------------------------


def _reports(text: str) -> list[str]:
    from landstrikes.extract import extract_article

    return [text[q["start"]:q["end"]] for q in extract_article("x", text)["quotes"] if q["kind"] == "indirect"]


@pytest.mark.parametrize("text", [
    "KESTON, March 3 (Coastal Wire) - Tarnland will raise its fuel duty next year, the finance minister said on Tuesday.",
    "KESTON, Jan. 12, 2015 - Tarnland will raise its fuel duty next year, the finance minister said.",
    "KESWATER, Cumbria, Sept. 4 - Tarnland will raise its fuel duty next year, the finance minister said.",
    # guard: the undated forms, as extract47 left them
    "KESTON (Coastal Wire) - Tarnland will raise its fuel duty next year, the finance minister said.",
    "KESWATER, Cumbria - Tarnland will raise its fuel duty next year, the finance minister said.",
])
def test_a_dated_datelines_words_are_no_part_of_the_report(text):
    assert _reports(text) == ["Tarnland will raise its fuel duty next year"], _reports(text)


# --- a body's head word the list lacked ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Shelling went on, the Tarnland-based Kesbian Observatory for Civil Liberties said.", "Kesbian Observatory for Civil Liberties"),
    ("A spokeswoman for the British Embassy in Kesby said the office was shut.", "British Embassy"),
    ("The French Consulate in Delmar issued new visas.", "French Consulate"),
    ("The force's Directorate of Professional Standards opened an inquiry.", "Directorate of Professional Standards"),
])
def test_a_bodys_name_with_its_head_word_is_one_name(text, name):
    assert (name, "ORG") in _found(text), _found(text)


def test_a_report_by_such_a_body_is_the_bodys():
    from landstrikes.extract import extract_article

    text = ("Eleven soldiers died in the raid, the Tarnland-based Kesbian Observatory for Civil Liberties said "
            "on Sunday.")
    rows = extract_article("x", text)
    names = {e["entity_id"]: e["name"] for e in rows["entity_rows"]}
    assert [names.get(q["speaker_id"]) for q in rows["quotes"]] == ["Kesbian Observatory for Civil Liberties"], rows["quotes"]


# --- a web page's labels in capitals ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "label"), [
    ("The pier opened on Monday.\n\nMORE: Delmar plans a second ferry\n\nThe council met.", "MORE"),
    ("The pier opened on Monday.\n\nSEE ALSO: Ten ferries to ride\n\nThe council met.", "SEE ALSO"),
    ("The pier opened on Monday.\n\nRELATED\n\nThe council met.", "RELATED"),
    ("The pier opened on Monday.\nVIEW GALLERY\nThe council met.", "VIEW GALLERY"),
    ("PROBABLY FALSE\n\nExample: a post shared online.", "PROBABLY FALSE"),
])
def test_a_pages_label_in_capitals_is_no_name(text, label):
    assert all(surface != label for surface, _ in _found(text)), _found(text)


@pytest.mark.parametrize(("text", "name"), [
    # guard: an initialism, a known name, a label's words inside a sentence stay names
    ("The pier opened.\nNATO: troops left the port.", "NATO"),
    ("The pier opened.\nWHITE HOUSE\nThe council met.", "WHITE HOUSE"),
    ("The talks ended, the WHO said on Monday.", "WHO"),
])
def test_an_initialism_or_a_known_name_in_capitals_stays(text, name):
    assert name in [surface for surface, _ in _found(text)], _found(text)


# --- "New" opening a known name that is no place ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Sales should pick up in the New Year, the bank said.", "New Year"),
    ("Prices fell over the Christmas and New Year period.", "New Year"),
    ("Crowds gathered on New Year's Eve in the square.", "New Year's Eve"),
    ("On New Year’s Day the pier was shut.", "New Year’s Day"),
])
def test_the_new_year_is_one_event(text, name):
    assert (name, "EVENT") in _found(text), _found(text)


def test_new_before_a_word_that_opens_no_known_name_is_still_dropped():
    # "New" is a function word but before a place or a known name: `New Quay` keeps the old reading (a guard), `New Year` is new
    text = "Under the New Year rules and the New Quay plan, prices rose."
    assert [surface for surface, _ in _found(text)] == ["New Year", "Quay"], _found(text)
