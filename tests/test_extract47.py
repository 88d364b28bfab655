"""Entity and speaker slips of the rule-based extractor left after extract46, each fixed as a class
(extract47). Every sentence here is invented for the test (invented names); none comes from a news
text."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")

from extract_lookups import quote_starting, rows_of  # noqa: E402

from landstrikes.extract.entities import find_mentions  # noqa: E402


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


def _speaker(text: str, start_words: str) -> tuple[str, str | None, str | None]:
    """(status, the speaker's words in the text, the speaker's entity id) of the row opening with `start_words`."""
    quote = quote_starting(rows_of(text), start_words)
    return quote["speaker_status"], quote["speaker_text"], quote["speaker_id"]


# --- class 1: a name ending one sentence is no word before the same name opening the next ---------


@pytest.mark.parametrize(("text", "surface"), [
    ("We ate at Pellow’s. Pellow’s said the kitchen was shut.", "Pellow’s"),
    ("They booked Murtagh's! Murtagh's was full.", "Murtagh's"),  # (guard: no full stop, kept before as now)
])
def test_a_name_with_s_after_a_sentence_ending_in_it_keeps_its_s(text, surface):
    found = _found(text)
    assert [s for s, _ in found if s.startswith(surface[:-2])] == [surface] * text.count(surface), found


@pytest.mark.parametrize(("text", "surface"), [
    ("The decision was Mr. Dorrit's, and J. Dorrit's alone.", "Dorrit"),  # (guard) a titled and an initialled surname
])
def test_a_surname_after_a_title_or_initial_with_its_full_stop_stays_a_possessive(text, surface):
    found = _found(text)
    assert not any(s == surface + "'s" for s, _ in found), found


# --- class 2: a product is no speaker ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Some iPhone 9 users say the screens are cracking.",
    "Owners of the iPhone 9 said the screens were cracking.",  # (guard: the rules' own search never took it)
])
def test_a_product_is_never_chosen_as_a_speaker(text):
    rows = rows_of(text)
    products = {m["entity_id"] for m in rows["mentions"] if m["text"].startswith(("Zephyr", "iPhone"))}
    assert products, rows["mentions"]
    assert all(q["speaker_id"] not in products for q in rows["quotes"]), rows["quotes"]


# --- class 3: a company named by a trade's plural noun is a body, not a person -----------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Passengers of Harbourline Ferries were stranded on Monday.", "Harbourline Ferries"),
    ("Staff at Velby Fisheries were laid off.", "Velby Fisheries"),
    ("A contract went to Halden Textiles last year.", "Halden Textiles"),
    ("Fans of Corbett Pictures cheered the film.", "Corbett Pictures"),
])
def test_two_words_ending_in_a_plural_common_noun_name_a_body(text, name):
    assert (name, "ORG") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("The prize went to Pella Woods on Sunday.", "Pella Woods"),  # a common census surname
    ("The prize went to Ekkart Cordes on Sunday.", "Ekkart Cordes"),  # "Cordes" is no plural of "cord"
])
def test_a_surname_that_looks_plural_stays_a_person(text, name):  # (guards: the rule's limits)
    assert (name, "PERSON") in _found(text), _found(text)


# --- class 4: a body described by its place speaks, not the place ------------------------------------


def test_a_place_before_a_school_is_no_speaker_the_school_is():
    text = "Classes were cancelled. The Keswater secondary school said pupils would stay at home."
    assert _speaker(text, "pupils would") == ("attributed", "The Keswater secondary school", "keswater-secondary-school")


def test_a_place_named_as_where_a_body_is_still_a_place_mention():  # (guard)
    text = "Classes were cancelled. The Keswater secondary school said pupils would stay at home."
    assert "Keswater" in [s for s, _ in _found(text)]


# --- class 5: a reporting verb coordinated with an earlier verb shares its subject ------------------


def test_a_pronoun_subject_before_the_first_verb_speaks_for_the_verb_after_and():
    text = ("Rhona Keir spoke to residents on Tuesday. She described the engine failures on the Harbourline vessel "
            "as a serious embarrassment for everyone and said the government would act.")
    rows = rows_of(text)
    quote = quote_starting(rows, "the government would")
    keir = next(m["entity_id"] for m in rows["mentions"] if m["text"] == "Rhona Keir")
    assert (quote["speaker_text"], quote["speaker_id"]) == ("She", keir)


def test_an_unnamed_subject_before_the_first_verb_speaks_for_the_verb_after_but():
    text = "The operator confirmed the vessel would be withdrawn, but said delivery of the new ferry had slipped."
    assert _speaker(text, "delivery of") == ("unnamed_source", "The operator", None)


# (guard: the rule's limits)
def test_a_subordinate_clause_before_the_subject_is_skipped():
    text = "When the ferry failed, Ann Varley apologised to Tom Hale and said the firm would pay."
    assert _speaker(text, "the firm would")[1] == "Ann Varley"


# (guard: the rule's limits)
def test_a_verb_inside_a_dash_aside_is_not_the_first_verb():
    text = ("In reply to a letter from the lawyer — he has not sued yet — the Norcom counsel admits it made the call "
            "but says the firm acted lawfully.")
    assert _speaker(text, "the firm acted")[1] != "he"


# (guard: the rule's limits)
def test_a_subject_between_the_conjunction_and_the_verb_is_still_the_subject():
    text = "Prices fell on Monday and analysts said the market was weak."
    assert _speaker(text, "the market") == ("unnamed_source", "analysts", None)


# --- class 6: a dateline names a place --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "LARCHMOUTH — A ferry was withdrawn on Monday after engine failures.",
    "Ferry withdrawn\n\nLARCHMOUTH, Cumbria - A ferry was withdrawn on Monday after engine failures.",
])
def test_a_dateline_in_capitals_is_a_place(text):
    assert ("LARCHMOUTH", "GPE") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("UPDATE – The ferry was withdrawn on Monday.", "UPDATE"),  # an English word, no place
    ("NATO - the alliance - met. NATO said so.", "NATO"),  # an initialism used again: a body
])
# (guard: the rule's limits)
def test_words_and_initialisms_before_a_dash_are_no_dateline(text, word):
    assert (word, "GPE") not in _found(text), _found(text)


def test_a_dateline_is_no_part_of_the_reported_words_after_it():
    text = "LARCHMOUTH — A ferry was withdrawn on Monday after engine failures, the operator said."
    quote = quote_starting(rows_of(text), "A ferry")
    assert quote["text"] == "A ferry was withdrawn on Monday after engine failures"


@pytest.mark.parametrize(("text", "region"), [
    ("Ferry withdrawn\n\nKESBY, Fla. - A ferry was withdrawn on Monday.", "Fla"),
    ("Ferry withdrawn\n\nELONVILLE, N.C. (AP) -- A ferry was withdrawn on Monday.", "N.C."),
])
def test_a_us_state_abbreviation_after_a_dateline_town_is_the_state(text, region):
    assert (region, "GPE") in _found(text), _found(text)


# --- class 7: a US town named with its state -----------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("It aired on a station in East Carling, Mich., on Friday.", [("East Carling", "GPE"), ("Mich", "GPE")]),
    ("They met in Velbury, Ohio, last week.", [("Velbury", "GPE"), ("Ohio", "GPE")]),
    ("He lives in Delford, N.C., with his family.", [("Delford", "GPE"), ("N.C.", "GPE")]),
])
def test_a_name_before_a_comma_and_a_us_state_is_a_town(text, expected):
    assert _found(text) == expected


# (guard: a given name before a state's name may be a person in a list)
def test_a_person_in_a_list_before_a_states_name_stays_a_person():
    assert ("Ann Lee", "PERSON") in _found("Ann Lee, Texas and Tom Hale spoke on Friday.")


# --- class 8: a courtesy-titled surname is the person, even where it names a place ----------------


def test_a_surname_that_names_a_town_is_the_person_after_a_courtesy_title():
    # (a given name the census list lacks: the title alone tells the person)
    text = "Dmitry Kursk was found on Monday. Doctors said Mr Kursk had been drugged."
    found = [(text[m.start:m.end], m.type, m.name) for m in find_mentions(text)]
    assert ("Kursk", "PERSON", "Dmitry Kursk") in found, found


def test_an_initialism_before_a_person_the_article_titles_is_the_body_and_the_person():
    text = "The head of the aerospace group NRX Philippe Dorrit is to leave.\n\nMr Dorrit said he would go."
    found = _found(text)
    assert ("NRX", "ORG") in found and ("Philippe Dorrit", "PERSON") in found, found
    assert ("Dorrit", "PERSON") in found, found


# --- class 9: a given name opening a company's name ------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Fans of Warner Bros. cheered the film.", "Warner Bros"),
    ("Staff at Grace Logistics were laid off.", "Grace Logistics"),
    ("Shares in Norcom UK fell on Monday.", "Norcom UK"),  # a company's national arm
    ("Shares in Velby Europe fell on Monday.", "Velby Europe"),
])
def test_a_body_word_last_makes_a_body_even_after_a_given_name(text, name):
    assert (name, "ORG") in _found(text), _found(text)


# (guard: a surname that is a plural noun stays a person's)
def test_a_given_name_and_a_plural_looking_surname_stay_a_person():
    assert ("Hazel Blenks", "PERSON") in _found("The minister Hazel Blenks spoke on Monday.")


# --- class 10: plural people named by what they do are an unnamed group ------------------------------


@pytest.mark.parametrize(("text", "phrase"), [
    ("Twitter users say the seam bites their ears.", "Twitter users"),
    ("The market shut early. Shoppers in Leeds said they were worried by the closures.", "Shoppers"),
    ("The trial went on. Prosecutors have alleged that the money was hidden abroad.", "Prosecutors"),
])
def test_plural_people_named_by_their_role_are_an_unnamed_source(text, phrase):
    quote = next(q for q in rows_of(text)["quotes"] if q["kind"] == "indirect")
    assert (quote["speaker_status"], quote["speaker_text"]) == ("unnamed_source", phrase)


@pytest.mark.parametrize(("text", "body"), [
    ("The rally ended. Then Norcom Group lawyers said the ruling was wrong.", "norcom-group"),
])
def test_a_bodys_lawyers_speak_for_the_body(text, body):  # (guard: as before, now by the group rule)
    quote = next(q for q in rows_of(text)["quotes"] if q["kind"] == "indirect")
    assert (quote["speaker_status"], quote["speaker_id"]) == ("attributed", body)


# (guard: lawyers of a place or a nationality speak for neither)
def test_a_nationalitys_lawyers_are_an_unnamed_group():
    quote = next(q for q in rows_of("The rally ended. Then Danish lawyers said the ruling was wrong.")["quotes"] if q["kind"] == "indirect")
    assert quote["speaker_status"] == "unnamed_source"


# --- class 11: a place that names the government body in it is that body (guidelines E2, E4) -----------


@pytest.mark.parametrize(("text", "name"), [
    ("Downing Street said the plan was sound.", "Downing Street"),  # had been a LOC by its street word
    ("Officials in Whitehall were told on Monday.", "Whitehall"),  # had been GeoNames' other name of a US city
])
def test_a_seat_of_government_is_the_body(text, name):
    assert (name, "ORG") in _found(text), _found(text)


# (guard: another street stays a place)
def test_an_ordinary_street_stays_a_place():
    assert ("Corvel Street", "LOC") in _found("The shop on Corvel Street was shut.")


# (guard: a group word written inside a body's name is no unnamed group; the first version of class 10 took "Traders")
def test_a_group_word_inside_a_bodys_name_is_no_group():
    rows = rows_of('The vote was close.\n\nTom Hale, Riverside Traders Association said: "We tried very hard to win it."\n')
    assert quote_starting(rows, "We tried")["speaker_text"] == "Tom Hale"
