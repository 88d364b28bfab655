"""E3 (2.28): an alias names one catalogued entity. M2 makes every occurrence of an alias a mention
of its entity, and the alias scan takes any mention there for one, so an alias listed by a second
entity passed: the census gave "UN Charter" to `aguascalientes-drone-strike-2022` and validate said
VALID (session 34). The extractor's rows are exempt (its catalogue may give one surface to other
entities in other articles)."""

from __future__ import annotations

import pytest

from landstrikes.schema import validate

from attack25_tools import findings_of, rows_of, write_rows
from plain_census import fast_findings, plain_findings


def _give_alias(folder, entity_id: str, alias: str, source: str | None = None) -> None:
    entities = rows_of(folder, "entities")
    row = next(e for e in entities if e["entity_id"] == entity_id)
    row["aliases"] = sorted(row["aliases"] + [alias])
    if source is not None:
        for e in entities:
            e["source"] = source
    write_rows(folder, "entities", entities)


def test_an_alias_given_to_a_second_entity_is_a_finding_naming_both(dataset_copy):
    """The later row in catalogue order is named (here the alias's true owner), the other in the message."""
    _give_alias(dataset_copy, "aguascalientes-drone-strike-2022", "UN Charter")
    found = [f for f in validate(dataset_copy).findings if f.check == "entity-alias-repeated"]
    assert [(f.row_id, f.column, f.value) for f in found] == [("un-charter", "aliases", "UN Charter")]
    assert "'aguascalientes-drone-strike-2022'" in found[0].message


@pytest.mark.parametrize("alias", ["Trump", "Mexico"])
def test_an_alias_moved_or_shared_is_found_by_the_plain_rule_too(dataset_copy, alias):
    """The later entity in catalogue order is named, as the plain restatement names it."""
    _give_alias(dataset_copy, "white-house", alias)
    finding = ("entity-alias-repeated", "entities", "white-house", "aliases")
    assert finding in fast_findings(dataset_copy) and finding in plain_findings(dataset_copy)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000"], ids=["no-break", "narrow-no-break", "ideographic"])
def test_an_alias_spelt_with_another_space_is_the_same_alias(dataset_copy, space):
    """The alias scan matches an alias's space with any Unicode space in the text, so "UN<NBSP>Charter"
    and "UN Charter" both match the text's "UN<NBSP>Charter": one occurrence, two entities."""
    _give_alias(dataset_copy, "aguascalientes-drone-strike-2022", f"UN{space}Charter")
    finding = ("entity-alias-repeated", "entities", "un-charter", "aliases")
    assert finding in fast_findings(dataset_copy) and finding in plain_findings(dataset_copy)


def test_the_same_word_in_another_case_is_another_alias(dataset_copy):
    """The alias scan matches letters exactly, so 'UN charter' is not the alias 'UN Charter'."""
    _give_alias(dataset_copy, "aguascalientes-drone-strike-2022", "UN charter")
    assert findings_of(dataset_copy, "entity-alias-repeated") == []


def test_no_gold_entity_shares_an_alias(dataset_copy):
    assert findings_of(dataset_copy, "entity-alias-repeated") == []


def test_the_extractors_catalogue_is_exempt(dataset_copy):
    _give_alias(dataset_copy, "aguascalientes-drone-strike-2022", "UN Charter", source="auto")
    assert findings_of(dataset_copy, "entity-alias-repeated") == []


def test_the_engine_reports_it_as_one_folder_does(tmp_path):
    from one_folder_report import same_as_one_folder
    from test_engine_placement import own_partition, scatter

    def shared_alias(table, rows):
        if table == "entities":
            row = next(e for e in rows if e["entity_id"] == "aguascalientes-drone-strike-2022")
            row["aliases"] = sorted(row["aliases"] + ["UN Charter"])

    corpus = scatter(tmp_path, own_partition, shared_alias)
    assert [(f.check, f.row_id) for f in same_as_one_folder(corpus)] == [("entity-alias-repeated", "un-charter")]


def test_a_blank_alias_in_two_entities_is_left_to_its_own_finding(dataset_copy):
    """An empty or blank alias names nothing (the alias scan skips it; `empty-string` reports it)."""
    _give_alias(dataset_copy, "aguascalientes-drone-strike-2022", " ")
    _give_alias(dataset_copy, "white-house", " ")
    assert ("entity-alias-repeated", "entities", "white-house", "aliases") not in fast_findings(dataset_copy) | plain_findings(dataset_copy)
