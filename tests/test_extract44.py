"""Slips of the rule-based extractor on news-style text, each fixed as a class (extract44, from
newuser43's finding F5). Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from landstrikes.extract.claims import find_claims


# --- class 1: a unit is never a determiner, possessive, pronoun or other function word ---------


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Inspectors found rust on 14 of its steel support cables last spring.", "cables"),  # the head noun (extract45)
    ("At least 35 of the ferries were held in port.", "ferries"),
    ("Some 300 of our members signed the letter.", "members"),
    ("Nearly 60 of his paintings were sold at the auction.", "paintings"),
    ("The agency bought 3 more tractors in May.", "tractors"),
    ("Farmers planted 40 such orchards.", "orchards"),
    ("The firm owns 5 other warehouses near the port.", "warehouses"),
])
def test_a_determiner_or_possessive_before_the_noun_is_not_the_unit(sentence, unit):
    claims = find_claims(sentence)
    assert claims and claims[0].unit == unit, claims


@pytest.mark.parametrize("sentence", [
    "About 40 of them were arrested after the match.",
    "The police said 12 were injured in the crash.",
    "Only 7 of those who applied were accepted.",
])
def test_no_unit_is_a_pronoun_or_an_auxiliary(sentence):
    units = {c.unit for c in find_claims(sentence)}
    assert not units & {"them", "were", "those", "who", "are", "was"}, units


# --- class 4: an honorific or title before a person's name is no part of the name or its id ------


@pytest.mark.parametrize(("sentence", "name"), [
    ("The motion passed, but Councillor Odile Brannagh voted against it.", "Odile Brannagh"),
    ("The plan was backed by Councilwoman Petra Lindqvist on Monday.", "Petra Lindqvist"),
    ("Later, Congressman Ivo Marchetti spoke to the press.", "Ivo Marchetti"),
    ("The inquiry was led by Superintendent Ruth Kavanagh of the county force.", "Ruth Kavanagh"),
    ("The report was written by Dr Helena Varga and two colleagues.", "Helena Varga"),
    ("Residents were told by Ms Anouk Terhaar that the road would close.", "Anouk Terhaar"),
    ("The accounts were signed by Treasurer Willa Oduya in March.", "Willa Oduya"),
    ("The body was examined, and Coroner Edgar Vantongeren opened an inquest.", "Edgar Vantongeren"),
])
def test_a_title_before_a_name_is_kept_out_of_the_person(sentence, name):
    from landstrikes.extract.entities import find_mentions, slug

    people = [m for m in find_mentions(sentence) if m.type == "PERSON"]
    assert [m.name for m in people] == [name], people
    assert slug(people[0].name) == slug(name)
    assert sentence[people[0].start:people[0].end] == name  # the mention's span starts at the name


@pytest.mark.parametrize(("sentence", "name"), [
    # a surname that names a town: named with its title, so its id is not the town's (extract45)
    ("The bill was drafted by Senator Preston and two aides.", "Senator Preston"),
    ("Later that day Councillor Houston opened the new library.", "Councillor Houston"),
    ("The school was praised by Mrs Judge, its head teacher.", "Judge"),  # a surname that is a title word
    ("Shares fell, Ms Major told the meeting.", "Major"),
])
def test_a_titled_one_word_name_is_a_person(sentence, name):
    from landstrikes.extract.entities import find_mentions

    people = [m for m in find_mentions(sentence) if m.type == "PERSON"]
    assert [m.name for m in people] == [name], find_mentions(sentence)


# --- classes 2 and 3: a capitalised common word at a sentence or headline start is no name ----------

HEADLINE_TEXT = (
    "Town Board Backs Plan to Rebuild Flooded Pier\n\n"
    "Members of the board in Carrow Vale voted on Monday to rebuild the pier, said Odile Brannagh, who chairs it.\n\n"
    "Union leaders said the work would take a year. Business owners near the pier said they feared the closure "
    "would cost them customers.\n"
)


def test_a_headline_or_sentence_start_common_word_is_no_entity():
    from landstrikes.extract.entities import find_mentions

    surfaces = {HEADLINE_TEXT[m.start:m.end] for m in find_mentions(HEADLINE_TEXT)}
    assert not surfaces & {"Town", "Board", "Town Board", "Union", "Business", "Members"}, surfaces
    assert "Odile Brannagh" in surfaces
    # unless it starts a longer name, which is kept whole
    text = "The ferry was late again. Port Tavish Council said the pier would reopen in May.\n"
    assert "Port Tavish Council" in {text[m.start:m.end] for m in find_mentions(text)}


def test_a_common_word_at_a_sentence_start_speaks_for_nobody():
    from landstrikes.extract.article import extract_article

    rows = extract_article("a44", HEADLINE_TEXT)
    speakers = {q["speaker_id"] for q in rows["quotes"]} | {q["speaker_text"] for q in rows["quotes"]}
    assert rows["quotes"] and not speakers & {"business", "union", "members", "Business", "Union", "Members"}, rows["quotes"]
