"""attack53: inputs where a rule of extract49 did harm that the old extractor did not (every sentence
invented). Each case was right on 9c4d9974 and wrong on main after extract49 (28, each seen failing); the
cases marked `guard` hold what extract49 meant its rule to do, or pass on main too."""

from __future__ import annotations

import pytest

from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


# --- "<Word>gate": a person's surname in -gate is no scandal ---------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Applegate told reporters the plan had failed.", "Applegate"),
    ("Mr Applegate said the vote was close.", "Applegate"),
    ("Ms Wingate said the vote was close.", "Wingate"),  # (guard: right on main too)
    ("Mrs Postgate said the town would recover.", "Postgate"),  # (no census surname: the title says it)
])
def test_a_persons_surname_in_gate_is_no_scandal(text, name):
    found = _found(text)
    assert (name, "EVENT") not in found, found
    assert any(n == name for n, _ in found), found


@pytest.mark.parametrize(("text", "name"), [
    # (guard) a scandal stays an event; a capital Gate and a hashtag too
    ("The Watergate scandal changed politics.", "Watergate"),
    ("Critics tagged it #Norcomgate on Monday.", "Norcomgate"),
    ("Critics called it AppleGate on Monday.", "AppleGate"),
])
def test_a_scandal_in_gate_stays_an_event(text, name):
    assert (name, "EVENT") in _found(text), _found(text)


# --- a number after a name: a score, a tally, people counted are no model's number ---------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Kesby Rovers 3, Norton City 1 was the final score. Kesby Rovers won again.", "Kesby Rovers"),
    ("The final score was Arsenal 3, Chelsea 1.", "Arsenal"),
    ("The vote went Labour 12, Conservatives 9 in the Kesby ward.", "Labour"),
    ("Kesby Rovers 2 - 1 Norton City.", "Kesby Rovers"),
    ("Kesby 3 children were hurt on Monday when Kesby Council's wall fell. Kesby Council said so.", "Kesby"),
    ("In Kesby 12 people died on Monday.", "Kesby"),
    ("The Labour 10 staff were hired on Monday. Labour said so.", "Labour"),
])
def test_a_score_a_tally_or_people_counted_is_no_model_number(text, name):
    found = _found(text)
    assert not any(t == "OTHER" and n.startswith(name + " ") and n[len(name) + 1:][:1].isdigit() for n, t in found), found
    assert (name, "ORG") in found, found


@pytest.mark.parametrize(("text", "name"), [
    # (guard) a model's number, before a verb or a full stop
    ("Pilots flew the Corvair 747 to Kesby, Corvair said. Corvair denied it.", "Corvair 747"),
    ("Norcom said the Norcom 360 sold well. Norcom shares fell.", "Norcom 360"),
])
def test_a_model_number_stays_a_product(text, name):
    assert (name, "OTHER") in _found(text), _found(text)


# --- a headline that opens with "By" is no byline ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "By Land And Sea: Norcom Expands Its Fleet\n\nThe firm bought two ships on Monday.",
    "By Order Of The Court, Kesby Mill Closes\n\nThe mill shut on Monday.",
    "Ferry Strike Ends\nBy Royal Appointment\n\nThe ferry ran again on Monday.",
])
def test_a_headline_opening_with_by_names_no_one(text):
    headline_end = text.index("\n\n")
    assert [m for m in _found(text[:headline_end]) if m[1] in ("ORG", "PERSON", "LAW")] == [], _found(text)


@pytest.mark.parametrize(("text", "name"), [
    # (guard) extract49's byline: a surname the census lacks is kept with the given name
    ("Ferry Strike Ends\nBy Ann Brandtova, Staff Reporter\n\nThe ferry ran again on Monday.", "Ann Brandtova"),
    ("Ferry Strike Ends\nBy Zorvan Kelmet\n\nThe ferry ran again on Monday.", "Zorvan Kelmet"),
    ("Ferry Strike Ends\nBy Rose Bright\n\nThe ferry ran again on Monday.", "Rose Bright"),
])
def test_a_byline_still_names_its_writer(text, name):
    assert (name, "PERSON") in _found(text), _found(text)


# --- "told <whom> <object> <pronoun> <verb>": an object with a relative clause is no reported clause ----


def _indirect(text: str) -> list[str]:
    from landstrikes.extract.article import extract_article
    return [text[q["start"]:q["end"]] for q in extract_article("a", text)["quotes"]]


@pytest.mark.parametrize("text", [
    "Ann Lee told him the truth she knew.",
    "Ann Lee told the Kesby Gazette the story she had heard.",
    "Ann Lee told reporters the names they wanted on Monday.",
    "Ann Lee told the court the secrets he kept for years.",
])
def test_told_whom_an_object_with_a_relative_clause_is_no_report(text):
    assert _indirect(text) == [], _indirect(text)


@pytest.mark.parametrize(("text", "clause"), [
    # (guard) extract49's zero-that clause after "told <whom>", a relative clause inside its subject too
    ("Ann Lee told colleagues the vote had been lost.", "the vote had been lost"),
    ("Ann Lee told reporters the details he had were secret.", "the details he had were secret"),
    ("Ann Lee told police the man she saw was tall.", "the man she saw was tall"),
    ("Ann Lee told the committee the figures they had seen were wrong.", "the figures they had seen were wrong"),
])
def test_told_whom_a_clause_is_still_reported(text, clause):
    assert _indirect(text) == [clause], _indirect(text)


# --- "<Maker> <Word>" that speaks, or a firm's plural business noun, is a body, not a product ------------


@pytest.mark.parametrize("word", ["Networks", "Films", "Laboratories", "Products", "Cosmetics"])
def test_a_makers_unit_named_by_a_business_plural_is_a_body(word):
    text = f"Analysts said Norcom rose on Monday, and traders said Norcom fell. Norcom {word} said profits were up."
    found = _found(text)
    assert (f"Norcom {word}", "ORG") in found, found


@pytest.mark.parametrize("text", [
    "Analysts said Norcom rose on Monday, and traders said Norcom fell. Norcom Realty said profits were up.",
    "Analysts said Norcom rose on Monday, and traders said Norcom fell. Norcom Clinic told reporters it would close.",
    # (guard: right on main too, the sentence's first capital joins the name)
    "Analysts said Norcom rose on Monday, and traders said Norcom fell. Later Norcom Housing announced job cuts.",
])
def test_a_name_that_reports_is_no_product(text):
    found = _found(text)
    assert not [n for n, t in found if t == "OTHER"], found


@pytest.mark.parametrize(("text", "name"), [
    # (guard) extract49's products: a maker's product that does not speak
    ("Norvane said on Monday the Norvane Wristband would cost $300. Norvane shares rose, and the Wristband sold out.",
     "Norvane Wristband"),
    ("Analysts said Norcom rose on Monday, and traders said Norcom fell. The Norcom Beauty range sold out.", "Norcom Beauty"),
])
def test_a_makers_product_that_does_not_speak_stays_a_product(text, name):
    assert (name, "OTHER") in _found(text), _found(text)


# --- "<broadcaster> <n> <Capitalised -s word>" in a title-case headline: the verb is a headline's ---------


@pytest.mark.parametrize(("text", "name"), [
    ("BBC 2 Airs Kesby Documentary\n\nThe film was shown on Monday.", "BBC 2"),
    ("ITV 2 Drops Late Show\n\nThe show ended on Monday.", "ITV 2"),
    ("BBC 4 Wins Kesby Award\n\nThe prize came on Monday.", "BBC 4"),
    ("NBC 5 Loses Ratings Battle\n\nThe figures came on Monday.", "NBC 5"),
])
def test_a_headline_verb_after_a_channel_number_keeps_the_number(text, name):
    found = _found(text)
    assert (name, "MEDIA") in found, found


@pytest.mark.parametrize(("text", "names"), [
    # (guard) extract49's programme, in running text, and in a headline when running text names it too
    ("He told CBS 60 Minutes the plan had failed.", ["CBS", "60 Minutes"]),
    ("Ann Lee Tells CBS 60 Minutes Of Plan\n\nShe told CBS 60 Minutes the plan had failed.", ["CBS", "60 Minutes"]),
])
def test_a_programme_named_with_a_number_stays_a_programme(text, names):
    found = [n for n, t in _found(text) if t == "MEDIA"]
    for name in names:
        assert name in found, found
