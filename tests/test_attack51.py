"""attack51: shapes where an extract48 rule gave a wrong speaker or a cut name that the code before it got
right. Every sentence is invented; each case not marked `guard` failed on main 04ebfedf."""

from __future__ import annotations

import pytest

from landstrikes.extract.article import extract_article
from landstrikes.extract.entities import find_mentions


def _surfaces(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_mentions(text)]


def _speaker(text: str, quote_start: str) -> str | None:
    rows = extract_article("a", text)
    return next(q for q in rows["quotes"] if q["text"].startswith(quote_start))["speaker_id"]


# --- a that-clause whose verb is passive or perfect is reported, not coordinated with the cue ----------


@pytest.mark.parametrize("text", [
    'Norcom Police confirmed that Ann Lee was arrested on Monday and said "the inquiry continues".',
    'Norcom Police confirmed that Ann Lee had been arrested and said "the inquiry continues".',
    'Norcom Police announced that Ann Lee has resigned and said "we thank her for her service".',
    'Norcom Police said that Ann Lee and Tom Ode were detained and said "they will be deported".',
])
def test_a_cue_after_a_that_clause_in_the_passive_or_perfect_keeps_the_reporting_verbs_subject(text):
    # "<Body> confirmed that <Name> was arrested ... and said": the body reports the arrest and speaks on;
    # the arrested person does not (extract48's that-clause rule had given the quote to the person)
    quote = text.split('"')[1]
    assert _speaker(text, quote[:12]) == "norcom-police"


@pytest.mark.parametrize("text", [
    "The Kesby Herald reports that Ann Lee visited the harbour on Monday and said the plan would fail.",
    "The Kesby Herald reported on Monday that Ann Lee visited the harbour and said the plan would fail.",
])
# (guard: a that-clause's own active verb keeps extract48's reading)
def test_a_cue_coordinated_with_an_active_verb_inside_a_that_clause_still_takes_its_subject(text):
    assert _speaker(text, "the plan would fail") == "ann-lee"


# --- a jurisdiction word that is part of a name before a title stays in it ----------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Penn State President Ann Lee said the campus was safe.", "Penn State"),  # a university
    ("Ninth Circuit Judge Ann Lee said the law was void.", "Ninth Circuit"),  # a court
    ("Southern District Judge Ann Lee said the law was void.", "Southern District"),
    ("Gilbert County Prosecutor Bob Kesby said the case was closed.", "Gilbert County"),  # (guard)
])
def test_a_jurisdiction_noun_after_a_name_before_a_title_is_part_of_that_name(text, name):
    assert name in _surfaces(text), _surfaces(text)


@pytest.mark.parametrize(("text", "dropped"), [
    ("State Representative Owen Bradley said he backed the delay.", "State"),
    ("US District Judge Ann Lee said the law was void.", "US District"),  # after an initialism: the office's
    ("Federal District Judge Ann Lee said the law was void.", "Federal District"),
    ("Swiss Federal Prosecutor Ann Lee said the case was closed.", "Swiss Federal"),  # an adjective: never
    ("Leeds District Attorney Ann Lee said the case was closed.", "Leeds District"),  # a place's attorney
    ("Democratic State Senator Ann Lee said it was over.", "Democratic State"),  # a party's senator
    ("Conservative District Councillor Ann Lee said it was over.", "Conservative District"),
])
# (guard: a jurisdiction word opening the words before a title, or after an initialism, is the office's)
def test_a_jurisdiction_word_of_the_office_stays_out_of_any_name(text, dropped):
    assert dropped not in _surfaces(text), _surfaces(text)


# --- a person's name after a plural's possessive is no part of a body ----------------------------------


@pytest.mark.parametrize(("text", "person"), [
    ("The Packers' Aaron Rodgers said the team was tired.", "Aaron Rodgers"),  # a team's player
    ("The Kesby Teachers' Ann Lee said the strike would go on.", "Ann Lee"),  # a union's member
    ("The Steelers’ Ben Ode said the team was tired.", "Ben Ode"),
])
def test_a_persons_name_after_a_plurals_possessive_is_a_person(text, person):
    found = [(text[m.start:m.end], m.type) for m in find_mentions(text)]
    assert (person, "PERSON") in found, found
    assert _speaker(text, "the ") == person.lower().replace(" ", "-")


@pytest.mark.parametrize(("text", "body"), [
    ("The Lawyers' Christian Fellowship said it was over.", "Lawyers' Christian Fellowship"),
    ("The Kesby Workers' Party said it was over.", "Kesby Workers' Party"),
])
# (guard: extract48's bodies named with a plural's possessive stay whole)
def test_a_body_named_with_a_plurals_possessive_stays_one_name(text, body):
    assert body in _surfaces(text), _surfaces(text)


# --- what `and` joins, as `_joins_across` says it ---------------------------------------------------


@pytest.mark.parametrize(("text", "names"), [
    ("The Kesby Bank and Trust Company said it was over.", ["Kesby Bank and Trust Company"]),
    ("The Kesby Army and Navy Club said it was over.", ["Kesby Army and Navy Club"]),
])
# (guard: the docstring's examples of a join are what the code does)
def test_and_joins_a_bodys_name_only_after_its_head_word(text, names):
    assert _surfaces(text) == names
