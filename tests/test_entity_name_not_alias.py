"""M2: every occurrence of a catalogued entity's *name* or alias is a mention. The alias scan reads
only `aliases`, so a name that is no alias was never looked for (attack41): "Americans", the name of
`americans`, dropped from its aliases together with its one mention in 000, validated. A gold
entity's name, less a trailing parenthesised gloss ("Fuerza Armada Nacional (FAN)"), that occurs in
an article at word edges is one of its aliases [entity-name-not-alias]; the alias scan then asks a
mention of every occurrence. The extractor's rows are exempt, as from M2."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "entity-name-not-alias"


def _drop_alias_and_mentions(folder, entity_id, alias):
    entities = rows_of(folder, "entities")
    for entity in entities:
        if entity["entity_id"] == entity_id:
            entity["aliases"] = [a for a in entity["aliases"] if a != alias]
    write_rows(folder, "entities", entities)
    mentions = rows_of(folder, "mentions")
    write_rows(folder, "mentions", [m for m in mentions if not (m["entity_id"] == entity_id and m["text"] == alias)])


def test_the_gold_names_are_aliases_where_they_occur(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


def test_a_name_dropped_from_its_aliases_with_its_mentions_is_a_finding(dataset_copy):
    _drop_alias_and_mentions(dataset_copy, "americans", "Americans")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, "americans", "name")]


def test_a_name_with_a_gloss_is_judged_without_it(dataset_copy):
    """'Fuerza Armada Nacional (FAN)' occurs in 002 whole; its words before the gloss are the alias."""
    _drop_alias_and_mentions(dataset_copy, "fuerza-armada-nacional", "Fuerza Armada Nacional")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, "fuerza-armada-nacional", "name")]


def test_a_name_inside_a_longer_word_is_no_occurrence(dataset_copy):
    entities = rows_of(dataset_copy, "entities")
    for entity in entities:
        if entity["entity_id"] == "americans":
            entity["name"] = "American"  # occurs as a word (an alias) and inside "Americans"
            entity["aliases"] = ["Americans", "American"]
    write_rows(dataset_copy, "entities", entities)
    assert findings_of(dataset_copy, CHECK) == []


def test_the_extractor_s_entities_are_exempt(dataset_copy):
    """M2 binds the annotators, not the extractor: the same edit on a row saying `auto` is no finding
    of this check (the row's provenance is other checks' business)."""
    _drop_alias_and_mentions(dataset_copy, "americans", "Americans")
    entities = rows_of(dataset_copy, "entities")
    for entity in entities:
        if entity["entity_id"] == "americans":
            entity["source"], entity["confidence"] = "auto", 0.5
    write_rows(dataset_copy, "entities", entities)
    assert findings_of(dataset_copy, CHECK) == []
