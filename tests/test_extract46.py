"""Entity slips of the rule-based extractor left after extract45, each fixed as a class (extract46).
Every sentence here is invented for the test (invented names); none comes from a news text."""

from __future__ import annotations

import pytest

from landstrikes.extract.entities import find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.type) for m in find_mentions(text)]


# --- class 1: what follows "<title> of" is the office's body or place, never the title's holder -----


@pytest.mark.parametrize(("text", "expected"), [
    # the title words are no part of the body's name
    ("Earlier, Ann Dorrit, Chief Executive of Wexbury Hospitals NHS Trust, had said it was fine.",
     [("Ann Dorrit", "PERSON"), ("Wexbury Hospitals NHS Trust", "ORG")]),
    ("A statement from the Managing Director of Corvel Logistics followed.", [("Corvel Logistics", "ORG")]),
    # the name after "of" had been typed a person because a title stood before it
    ("He met the Prime Minister of Zorbia on Monday.", [("Zorbia", "ORG")]),
    ("A letter from the President of Zorbia said so.", [("Zorbia", "ORG")]),
    # a body before the title is a name of its own
    ("Previously, Norcom Senior Vice President of Sales Ann Dorrit said so.",
     [("Norcom", "ORG"), ("Sales", "ORG"), ("Ann Dorrit", "PERSON")]),
    # a qualifier after the title is no part of the holder's name either
    ("Chief Executive Ann Dorrit said the plan was sound.", [("Ann Dorrit", "PERSON")]),
])
def test_the_name_after_a_title_and_of_is_the_body_not_the_holder(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a religious see names its holder whole (`_holder_of_see`), as before
    ("They met the Archbishop of Wexbury on Friday.", [("Archbishop of Wexbury", "ORG")]),
    # a title right before a name still makes a person
    ("Yesterday Governor Ann Dorrit said the plan was sound.", [("Ann Dorrit", "PERSON")]),
    # a body named after a title word, with no title run before "of", is one name
    ("The Bank of Wexbury raised rates.", [("Bank of Wexbury", "ORG")]),
])
def test_titles_of_sees_and_titled_people_are_unchanged(text, expected):
    assert _found(text) == expected


# --- class 2: a role noun before a lone unknown word makes it a person ------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Police said the graffiti artist Quibbly had been arrested. Fans of Quibbly were upset.", "Quibbly"),
    ("The veteran golfer Zandrow withdrew on Friday.", "Zandrow"),
    ("Tom Vale, father of Quibbly, thanked his lawyers.", "Quibbly"),
    ("The crowd cheered when the rapper Kolvex arrived.", "Kolvex"),
])
def test_a_role_noun_before_a_lone_name_makes_a_person(text, name):
    types = {t for surface, t in _found(text) if surface == name}
    assert types == {"PERSON"}, _found(text)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Shares in Norcom rose on Friday.", "Norcom", "ORG"),  # no role noun: the one-word default
    ("The artist moved to Paris in 1999.", "Paris", "GPE"),  # "artist" is not right before it
    ("Police said the rival Norcom had bought it.", "Norcom", "ORG"),  # "rival" is no person's role
])
def test_without_a_role_noun_right_before_the_type_is_as_before(text, name, kind):
    types = {t for surface, t in _found(text) if surface == name}
    assert types == {kind}, _found(text)


# --- class 3: a name written with 's and used as a noun is a business's whole name -----------------


@pytest.mark.parametrize(("text", "surface"), [
    ("They met at the local Murtagh's, but he never came. A Murtagh's burger was bought.", "Murtagh's"),
    ("The group owns the Carvel, Brindley’s and the Ostrom for £750m.", "Brindley’s"),
    ("Staff said Pellow's was closing. A Pellow's spokesman agreed.", "Pellow's"),
    ("She had tea at Carvery’s. Carvery’s said it was full.", "Carvery’s"),  # the name ends one sentence and opens the next
])
def test_a_name_with_s_used_as_a_noun_keeps_its_s_everywhere_in_the_article(text, surface):
    found = _found(text)
    assert [s for s, _ in found if s.startswith(surface[:-2])] == [surface] * text.count(surface), found
    assert {t for s, t in found if s == surface} == {"ORG"}


@pytest.mark.parametrize(("text", "surface"), [
    ("Shares rose after Norcom's profits doubled.", "Norcom"),  # a possessive before a noun
    ("The mayor of Wexbury was there, and so was Wexbury's MP.", "Wexbury"),
    ("The decision was Mr Dorrit's, and Ann Dorrit's alone.", "Dorrit"),  # a person's surname
    ("Fans said Brazil's, and Peru's, hopes were high.", "Brazil"),  # a place
])
def test_a_possessive_stays_outside_the_span(text, surface):
    found = _found(text)
    assert any(s == surface for s, _ in found), found
    assert not any(s == surface + "'s" for s, _ in found), found


# --- class 4: a capitalised "The" inside a sentence opens the name after it --------------------------


@pytest.mark.parametrize(("text", "surface"), [
    ("She told The Daily Clarion that it was over.", "The Daily Clarion"),
    ("According to a report by The Wexbury Courier, the deal fell through.", "The Wexbury Courier"),
])
def test_a_capitalised_the_mid_sentence_is_part_of_the_name(text, surface):
    assert surface in [s for s, _ in _found(text)], _found(text)


@pytest.mark.parametrize(("text", "surface"), [
    ("The Daily Clarion reported the deal.", "Daily Clarion"),  # a sentence start: "The" may be any word
    ("She said: “The Daily Clarion is wrong.”", "Daily Clarion"),  # after a quotation mark likewise
    ("Norcom Buys The Wexbury Courier In Surprise Deal\n\nThe deal was agreed.", "Wexbury Courier"),  # a title-case headline
])
def test_a_the_at_a_sentence_start_or_in_a_headline_stays_outside(text, surface):
    surfaces = [s for s, _ in _found(text)]
    assert not any(s.startswith("The " + surface) for s in surfaces), surfaces


# --- class 5: a law's year is part of its name --------------------------------------------------------


def test_a_laws_year_is_part_of_its_name():
    text = "They were held under the Wexbury Protection Act 2000 for questioning."
    assert ("Wexbury Protection Act 2000", "LAW") in _found(text)
    assert [m.name for m in find_mentions(text)] == ["Wexbury Protection Act 2000"]


@pytest.mark.parametrize("text", [
    "The Wexbury Protection Act 20000 people signed.",  # not a year
    "The Wexbury Protection Act in 2000 changed that.",  # not right after the name
])
def test_only_a_year_right_after_a_law_joins_it(text):
    assert ("Wexbury Protection Act", "LAW") in _found(text), _found(text)


@pytest.mark.parametrize(("text", "expected"), [
    # the office's body, then its holder: the holder is a person, named without the office
    ("The Chancellor of the Exchequer Ann Dorrit spoke first.", [("Exchequer", "ORG"), ("Ann Dorrit", "PERSON")]),
    ("He met the Secretary of Homeland Security Ben Ode on Monday.", [("Homeland Security", "ORG"), ("Ben Ode", "PERSON")]),
])
def test_a_holder_named_after_the_office_is_a_person_of_their_own(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Secretary of State Ann Dorrit flew in.", [("Ann Dorrit", "PERSON")]),  # "State" is part of the title
    ("The Secretary of State said so.", []),
])
def test_state_after_secretary_of_is_no_name(text, expected):
    assert _found(text) == expected


def test_a_lone_word_before_a_plural_noun_is_no_person_after_a_kin_noun():
    text = "Tom Vale is the son of Zorbish immigrants, his lawyer said."
    assert not any(t == "PERSON" for s, t in _found(text) if s == "Zorbish"), _found(text)


# --- class 6: a trade's head word ends a business's name, a place before it included ------------------


@pytest.mark.parametrize(("text", "surface"), [
    ("The birds came from Zorbia Farm near the town.", "Zorbia Farm"),
    ("The turkeys were raised at Texas Farm near Dunmow.", "Texas Farm"),  # a place opening it stays in it
    ("He moved to Wexbury Farm Supplies last year.", "Wexbury Farm Supplies"),
    ("The cakes came from Dorrit Bakery on Friday.", "Dorrit Bakery"),
])
def test_a_trades_head_word_ends_one_business_name(text, surface):
    assert (surface, "ORG") in _found(text), _found(text)


# --- class 7: names no word list types right: armed groups, holidays, diseases, the deity -----------


@pytest.mark.parametrize(("text", "surface", "kind"), [
    # a group's name that the census has as a given name, or two unknown words (the PERSON default)
    ("Fighters loyal to Isis seized the town of Wexbury.", "Isis", "ORG"),
    ("Troops clashed with suspected Boko Haram insurgents near the border.", "Boko Haram", "ORG"),
    ("Officials said Al Qaeda had claimed the attack.", "Al Qaeda", "ORG"),
    # holidays: a surname or a given name in the census, else the one-word ORG default
    ("Sales rose sharply before Christmas this year.", "Christmas", "EVENT"),
    ("The shop will shut over Easter for repairs.", "Easter", "EVENT"),
    ("Norcom hopes to ship the watch by Valentine's Day next year.", "Valentine's Day", "EVENT"),
    ("Crowds gathered in Wexbury on Boxing Day to watch.", "Boxing Day", "EVENT"),
    ("Protests spread across the region during the Arab Spring in 2011.", "Arab Spring", "EVENT"),
    # diseases
    ("Two nurses who treated Ebola patients were released.", "Ebola", "OTHER"),
    # class 8 (below): names that open with a lower-case letter
    ("Buyers said the iZorb 6 bent in their pockets.", "iZorb 6", "OTHER"),
    ("Some owners of the iZorb 6 Plus complained.", "iZorb 6 Plus", "OTHER"),
    ("Reports that the iZorb 6+ bends spread fast.", "iZorb 6+", "OTHER"),
    ("She backed up her iZorb to the cloud.", "iZorb", "OTHER"),
    ("The watch was sold on eZorb for £40.", "eZorb", "ORG"),
    ("Security was tightened after 9/11 across the country.", "9/11", "EVENT"),
    ("The bill came to 40 million euros in all.", "euros", "OTHER"),
    ("The yuan fell against the dollar on Friday.", "yuan", "OTHER"),
    # the Budget; a title before an event word (it had made the person "Election")
    ("The Chancellor will deliver the Budget on Wednesday, before the polls.", "Budget", "EVENT"),
    ("It may be the final Budget ahead of the General Election next spring.", "General Election", "EVENT"),
])
def test_names_the_word_lists_and_capitalised_words_miss_get_their_type(text, surface, kind):
    assert (surface, kind) in _found(text), _found(text)


def test_god_is_no_entity():
    text = "The priest said he had seen God, and that Norcom had paid him."
    assert "God" not in [s for s, _ in _found(text)], _found(text)


# --- class 8: names that open with a lower-case letter: i-/e- brands, their models, 9/11, currencies ---
# (the names found are in class 7's table; here what stays out)


@pytest.mark.parametrize("text", [
    "He paid in dollars and pounds.",  # common nouns of currency: no name
    "The team won 9/10 of its games.",  # a fraction, not 9/11
    "Sales grew via eCommerce last year.",  # a common noun with an e- prefix
])
def test_lower_case_common_nouns_are_no_names(text):
    assert _found(text) == [], _found(text)


@pytest.mark.parametrize(("text", "surface"), [
    ("He still uses an iZorb 4S at home.", "iZorb 4S"),
    ("The firm sold 10 million iZorb units.", "iZorb"),
    ("Sales of the iZorb 2014 range slowed.", "iZorb"),  # a year is no model number
])
def test_a_models_number_joins_an_i_brand_only_when_short(text, surface):
    assert (surface, "OTHER") in _found(text), _found(text)


@pytest.mark.parametrize("text", [
    "He still needs to rely on Dad to drive him to work.",
    "Norcom said the watch would ship in Spring next year.",
])
def test_capitalised_words_that_name_nothing_are_no_entities(text):
    assert [s for s, _ in _found(text) if s != "Norcom"] == [], _found(text)


# --- class 9: a company noun before a name makes a body, even of a name that looks like a person's ----


@pytest.mark.parametrize(("text", "surface", "kind"), [
    # right before the name: a body, whatever the name reads as
    ("Profits rose at housebuilder George Wimbury, which sold more homes.", "George Wimbury", "ORG"),
    ("Life insurer Orla Sun Life has cut its bonus rates.", "Orla Sun Life", "ORG"),
    ("The deal was backed by software giant Dorrit.", "Dorrit", "ORG"),
    ("Shares in Ann Dorrit rose 6% in morning trade.", "Ann Dorrit", "ORG"),
    ("Shares in American Zorbex fell.", "American Zorbex", "ORG"),  # a nationality opening the body's name
    ("Profits fell at the drugs group Eli Dorrit last year.", "Eli Dorrit", "ORG"),
    ("The broadcaster BSkyZ sold its stake in the club.", "BSkyZ", "ORG"),
    # not right before it, or a calling a person shares, or the body-then-officer pattern: as before
    ("The firm's founder Ann Dorrit said trade was brisk.", "Ann Dorrit", "PERSON"),  # a person's role after the firm
    ("Mr Dorrit, whose company Norcom failed, said so.", "Dorrit", "PERSON"),
    ("The magazine's publisher Ann Dorrit resigned.", "Ann Dorrit", "PERSON"),  # a calling a person shares
    ("The aerospace group ZXQ Ann Dorrit is to leave.", "Ann Dorrit", "PERSON"),  # the body, then its officer
    ("The film maker Ann Dorrit won the prize.", "Ann Dorrit", "PERSON"),
    ("The award went to film-maker Ann Dorrit.", "Ann Dorrit", "PERSON"),
])
def test_a_company_noun_right_before_a_name_makes_a_body(text, surface, kind):
    kinds = {t for s, t in _found(text) if s == surface}  # every mention of the name, one reading
    assert kinds == {kind}, _found(text)


def test_a_body_so_introduced_keeps_its_type_when_named_short():
    text = "Profits rose at housebuilder George Wimbury. Wimbury said trade was brisk."
    assert {t for s, t in _found(text) if "Wimbury" in s} == {"ORG"}, _found(text)




def test_group_before_a_one_word_name_is_a_body_even_when_it_is_a_given_name():
    text = "The civil rights group Verity said it was delighted."
    assert ("Verity", "ORG") in _found(text), _found(text)


def test_shares_in_a_nationality_leave_it_a_nationality():
    text = "Shares in Australian airline Norcom fell on Friday."
    assert ("Australian", "NORP") in _found(text), _found(text)


# --- class 10: a number word capitalised inside a sentence opens the name after it --------------------


@pytest.mark.parametrize(("text", "surface"), [
    ("Work continued on the Three Gorges Dam despite the order.", "Three Gorges Dam"),
    ("The group will manage the Savoy and the Four Seasons from May.", "Four Seasons"),
    ("The report praised the Third Way politics of the era.", "Third Way"),
])
def test_a_capitalised_number_word_mid_sentence_opens_the_name(text, surface):
    assert surface in [s for s, _ in _found(text)], _found(text)
    assert {t for s, t in _found(text) if s == surface} != {"PERSON"}  # a number word opens no person's name


@pytest.mark.parametrize(("text", "absent"), [
    ("Three Britons were hurt. Officials in Wexbury said so.", "Three Britons"),  # a sentence start
    ("He met First Minister Ann Dorrit on Friday.", "First Minister Ann Dorrit"),  # a title's qualifier, as before
])
def test_a_number_word_at_a_sentence_start_or_before_a_title_stays_out(text, absent):
    assert absent not in [s for s, _ in _found(text)], _found(text)
