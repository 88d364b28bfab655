"""Entity typing on newswire (issue 17, branch extract-ner): each class rule of
`landstrikes.extract.entity_types` and the gazetteer data it reads, on sentences written for this
test (invented names and firms; never dev text)."""

from __future__ import annotations

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("names")
pytest.importorskip("english_words")

from landstrikes.extract import extract_article  # noqa: E402


def _types(text: str) -> dict[str, str]:
    rows = extract_article("t", text)
    types = {e["entity_id"]: e["type"] for e in rows["entity_rows"]}
    return {m["text"]: types[m["entity_id"]] for m in rows["mentions"] if m["kind"] == "NAME"}


def _canonical(text: str, surface: str) -> str:
    rows = extract_article("t", text)
    names = {e["entity_id"]: e["name"] for e in rows["entity_rows"]}
    return next(names[m["entity_id"]] for m in rows["mentions"] if m["text"] == surface)


# --- clubs, grounds, rivers: class rules before a place splits a name ---------------------------


def test_city_followed_by_a_club_word_is_one_club():
    types = _types("Fans of Leicester City and Nottingham Forest cheered as Sheffield United lost.")
    assert types == {"Leicester City": "ORG", "Nottingham Forest": "ORG", "Sheffield United": "ORG"}


def test_club_prefix_before_a_city_is_one_club():
    assert _types("Talks with Real Madrid and Dynamo Kiev went on all week.") == {"Real Madrid": "ORG", "Dynamo Kiev": "ORG"}


def test_a_name_that_is_itself_a_city_stays_a_place_not_a_club():
    assert _types("Prices rose in Mexico City last week.")["Mexico City"] == "GPE"


def test_old_before_a_name_is_a_ground_not_a_person():
    assert _types("The final was played at Old Trafford on a wet night.") == {"Old Trafford": "LOC"}


def test_river_lake_and_camp_names_are_places_not_people():
    types = _types("Boats left the River Ashby for Lake Corrin, far from Camp Varden.")
    assert types == {"River Ashby": "LOC", "Lake Corrin": "LOC", "Camp Varden": "LOC"}


def test_compass_word_before_a_region_is_one_place():
    assert _types("Exports to North Africa and South Asia fell sharply.") == {"North Africa": "LOC", "South Asia": "LOC"}


def test_several_word_town_after_a_locative_is_a_place():
    assert _types("The firm opened an office in Ann Arbor last year.")["Ann Arbor"] == "GPE"


def test_several_word_town_without_a_locative_keeps_a_given_name_reading():
    assert _types("Yesterday Ann Arbor said the plan would work.")["Ann Arbor"] == "PERSON"


def test_party_group_words_make_a_political_group():
    assert _types("Both the Tories and the Lib Dems want Liberal Democrats to vote.") == {
        "Tories": "NORP", "Lib Dems": "NORP", "Liberal Democrats": "NORP"}


# --- unknown two-word names: organisation signals, else a person --------------------------------


def test_company_word_last_makes_an_unknown_name_an_organisation():
    types = _types("Shares in Corven Logistics fell after Ridley Brothers cut its forecast.")
    assert types == {"Corven Logistics": "ORG", "Ridley Brothers": "ORG"}


def test_determiner_before_an_unknown_name_makes_it_no_person():
    assert _types("The story was first reported by the Varnick Sentinel on Monday.")["Varnick Sentinel"] == "ORG"


def test_english_word_first_and_no_common_surname_last_is_no_person():
    assert _types("The deal was first reported by Bleeding Ostrava on Monday.")["Bleeding Ostrava"] == "ORG"


def test_english_word_first_with_a_common_surname_last_stays_a_person():
    assert _types("He played golf with Tiger Woods on Sunday.")["Tiger Woods"] == "PERSON"


def test_given_name_inside_keeps_a_person_after_an_english_word():
    # (extract48: a role noun before the name, `Father`, is no part of it, as a title is not)
    found = _types("A priest, Father John Varno, was named.")
    assert found["John Varno"] == "PERSON" and "Father John Varno" not in found


def test_unknown_two_word_name_with_no_signal_is_still_a_person():
    assert _types("Talks were led by Herve Gaymard on Monday.")["Herve Gaymard"] == "PERSON"


def test_ampersand_joins_a_firm_name():
    types = _types("Analysts at Bradford & Bingley and at B&B agreed with Pellow & Sons.")
    assert types == {"Bradford & Bingley": "ORG", "B&B": "ORG", "Pellow & Sons": "ORG"}


def test_modifier_before_a_firm_makes_nobody_a_person():
    types = _types("Former Quarnex boss Ann Lee left. Senior Quarnex executives stayed.")
    assert types["Quarnex"] == "ORG" and types["Ann Lee"] == "PERSON"
    assert "Former Quarnex" not in types and "Senior Quarnex" not in types


# --- words that are not names, and the name inside a compound ----------------------------------


def test_plural_initialism_is_a_common_noun_not_a_name():
    assert "MPs" not in _types("The report was sent to MPs and GPs on Friday, MPs said.")


def test_hyphenated_compound_keeps_only_its_capitalised_part():
    types = _types("The US-led force and an Irish-based firm met in Clacton-on-Sea.")
    assert types["US"] == "GPE" and types["Irish"] == "NORP" and types["Clacton-on-Sea"] == "GPE"


# --- gazetteer data: nationality words, other city names, UK areas -----------------------------


def test_nationality_word_that_is_also_a_given_name_is_a_nationality():
    assert _types("The German minister and a Belgian envoy arrived.") == {"German": "NORP", "Belgian": "NORP"}


def test_city_under_its_older_english_name_is_a_place_with_the_city_as_canonical_name():
    text = "Officials told reporters in Bombay that talks in Kiev and Cologne were over."
    assert _types(text) == {"Bombay": "GPE", "Kiev": "GPE", "Cologne": "GPE"}
    assert _canonical(text, "Kiev") == "Kyiv"


def test_english_word_among_a_citys_other_names_is_not_a_place():
    from landstrikes.extract import gazetteer as gz

    assert not {"Drug", "Soon", "Post", "Soil"} & set(gz.places())  # other names of some city, and words


def test_uk_local_areas_are_places():
    assert _types("Patients from Powys and Midlothian went to Cumbria.") == {
        "Powys": "GPE", "Midlothian": "GPE", "Cumbria": "GPE"}


def test_uk_nations_are_places():
    assert _types("Voters in Scotland, Wales and Northern Ireland agreed.") == {
        "Scotland": "GPE", "Wales": "GPE", "Northern Ireland": "GPE"}


def test_all_caps_dateline_city_is_a_place():
    assert _types("BONN (Reuters) - The talks ended.")["BONN"] == "GPE"


# --- lone words -------------------------------------------------------------------------------


def test_common_noun_abbreviation_is_not_a_name():
    types = _types("The speech was shown on TV at 1230 GMT, an aide of Ann Lee said.")
    assert "TV" not in types and "GMT" not in types


def test_lone_body_noun_is_not_a_name_but_a_named_body_is():
    types = _types("Police said the Government would act. The Varnock Police Department agreed.")
    assert "Police" not in types and "Government" not in types
    assert types["Varnock Police Department"] == "ORG"


def test_town_with_a_plural_verb_is_its_club_throughout_the_article():
    types = _types("Sunderland were relegated in May. A lifetime Sunderland fan, Ann Lee, was upset.")
    assert types["Sunderland"] == "ORG"


def test_town_with_a_singular_verb_stays_a_place():
    assert _types("Sunderland was founded long ago, a historian said.")["Sunderland"] == "GPE"


def test_town_after_and_with_a_plural_verb_stays_a_place():
    assert _types("Talks in Leeds and Sunderland were over by noon.")["Sunderland"] == "GPE"


def test_lone_word_before_said_that_cannot_be_a_surname_is_no_person():
    assert _types("Profits rose, Quarnex said on Monday.")["Quarnex"] == "ORG"


def test_lone_census_surname_before_said_is_a_person():
    assert _types("It was a mistake, Blumenthal said on Monday.")["Blumenthal"] == "PERSON"


def test_unknown_word_before_a_place_noun_is_a_place():
    types = _types("Inmates at Varnholt prison and a Quellby resident spoke about the Ostrick dam.")
    assert types == {"Varnholt": "LOC", "Quellby": "GPE", "Ostrick": "LOC"}


def test_unknown_word_before_another_noun_keeps_the_organisation_default():
    assert _types("Shares in Quarnex rose, and Quarnex staff cheered.")["Quarnex"] == "ORG"


def test_several_word_town_after_a_locative_wins_over_its_given_name_reading_in_the_article():
    types = _types("She lives in Ann Arbor. One Ann Arbor driver was stopped.")
    assert types["Ann Arbor"] == "GPE"


def test_class_rule_keeps_the_name_as_written_with_its_connectors():
    text = "Boats sailed up the Lake of Corrin at dawn."
    assert _types(text)["Lake of Corrin"] == "LOC"
    assert _canonical(text, "Lake of Corrin") == "Lake of Corrin"


def test_all_caps_dateline_with_a_connector_or_saint_is_a_place():
    assert _types("RIO DE JANEIRO (Reuters) - Talks ended.")["RIO DE JANEIRO"] == "GPE"
    text = "ST PETERSBURG (Reuters) - Talks ended."
    assert _types(text)["ST PETERSBURG"] == "GPE" and _canonical(text, "ST PETERSBURG") == "Saint Petersburg"


# --- a courtesy title decides before a name's last word ------------------------------------------

@pytest.mark.parametrize("surname", ["Law", "Times"])
def test_a_name_after_a_courtesy_title_is_a_person_whatever_its_last_word(surname):
    """'Mr Law' was typed LAW by its last word (a real dev-news case), and then spoke as a law."""
    types = _types(f"The vote was close. Mr {surname} said the plan would fail by the spring.\n")
    assert types[surname] == "PERSON"
