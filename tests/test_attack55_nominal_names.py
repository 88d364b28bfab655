"""M1: a NAME is "a proper name or its abbreviation: 'Trump'"; a NOMINAL a definite description.
attack55: a NAME mention turned NOMINAL, the alias it matched dropped from its entity (no other
mention used it), validated: a surname alone ("Saucedo" of "David Saucedo") passed as a
description [nominal-is-part-of-its-name]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "nominal-is-part-of-its-name"


def demote(folder, entity_id: str, alias: str) -> list[str]:
    """Every NAME mention of `entity_id` reading `alias` made a NOMINAL, the alias dropped from
    its entity, as a producer that read the surname as a description writes them."""
    entities, mentions = rows_of(folder, "entities"), rows_of(folder, "mentions")
    entity = next(e for e in entities if e["entity_id"] == entity_id)
    assert alias in entity["aliases"] and alias != entity["name"]
    entity["aliases"] = [a for a in entity["aliases"] if a != alias]
    moved = []
    for m in mentions:
        if m["entity_id"] == entity_id and m["text"] == alias and m["kind"] == "NAME":
            m["kind"] = "NOMINAL"
            moved.append(m["mention_id"])
    assert moved
    write_rows(folder, "entities", entities)
    write_rows(folder, "mentions", mentions)
    return moved


@pytest.mark.parametrize("entity_id, alias", [("david-saucedo", "Saucedo"), ("caribbean-sea", "Caribbean"), ("us-congress", "Congress"), ("mexico-foreign-ministry", "Foreign Ministry")])
def test_a_surname_relabelled_nominal_with_its_alias_dropped_is_a_finding(dataset_copy, entity_id, alias):
    moved = demote(dataset_copy, entity_id, alias)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, mention_id, "kind") for mention_id in moved]


def test_the_gold_descriptions_are_no_names(dataset_copy):
    """"The US President", "her foreign minister", "Mexican officials", "Mexico’s government"."""
    assert findings_of(dataset_copy, CHECK) == []


def test_a_description_of_an_entity_without_a_proper_name_is_not_judged(dataset_copy):
    """E1: an office-holder the text names only by a description lists no alias; its name's words
    are description words ("Foreign Minister" of "Mexico's Foreign Minister")."""
    entities, mentions = rows_of(dataset_copy, "entities"), rows_of(dataset_copy, "mentions")
    entity = next(e for e in entities if e["entity_id"] == "mexico-foreign-minister")
    assert not entity["aliases"]
    nominal = next(m for m in mentions if m["entity_id"] == "mexico-foreign-minister" and m["kind"] == "NOMINAL")
    entity["name"] = nominal["text"][0].upper() + nominal["text"][1:] + " of Mexico"
    nominal_words = nominal["text"].split()
    write_rows(dataset_copy, "entities", entities)
    assert nominal_words and findings_of(dataset_copy, CHECK) == []
