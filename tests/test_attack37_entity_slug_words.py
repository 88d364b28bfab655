"""attack37: E3's id is "a readable lowercase ASCII slug of the canonical name" and the extractor's
slug folds "letters ... to ASCII". entity-id-not-its-name split a word at every character outside
a-z0-9 after NFKD, so a diacritic inside a word's first four letters (Mérida -> "me" + "rida"), a
Latin letter NFKD does not decompose (Øresund, Łódź, Æ) and a word joined by an apostrophe or a
hyphen (N'Djamena, Al-Qaeda) never met their own ASCII slugs, and a name in another script holding
one ASCII digit ("Газпром 2024") was judged against its transliteration. Sound, refused."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

ENTITY_CHECK = "entity-id-not-its-name"

SOUND_ENTITIES = [("merida", "Mérida", "GPE"), ("zocalo", "Zócalo", "LOC"), ("pena", "Peña", "PERSON"),
                  ("oresund", "Øresund", "LOC"), ("lodz", "Łódź", "GPE"), ("aeroflot", "Æroflot", "ORG"),
                  ("ndjamena", "N'Djamena", "GPE"), ("orourke", "O’Rourke", "PERSON"), ("alqaeda", "Al-Qaeda", "ORG"),
                  ("gazprom", "Газпром 2024", "ORG")]


def _add_entities(folder, entities):
    rows = rows_of(folder, "entities")
    base = next(e for e in rows if e["entity_id"] == "mexico")
    for entity_id, name, kind in entities:
        rows.append(dict(base, entity_id=entity_id, name=name, type=kind, aliases=[]))
    rows.sort(key=lambda e: e["entity_id"])
    write_rows(folder, "entities", rows)


def test_ascii_slugs_of_names_with_diacritics_apostrophes_and_other_scripts_pass(dataset_copy):
    _add_entities(dataset_copy, SOUND_ENTITIES)
    assert findings_of(dataset_copy, ENTITY_CHECK) == []


def test_an_id_that_names_another_entity_is_still_a_finding(dataset_copy):
    _add_entities(dataset_copy, [("merida", "Øresund", "LOC"), ("ndjamena", "Łódź", "GPE")])
    assert sorted(findings_of(dataset_copy, ENTITY_CHECK)) == [(ENTITY_CHECK, "merida", "entity_id"),
                                                               (ENTITY_CHECK, "ndjamena", "entity_id")]


def test_slugs_that_join_a_name_s_punctuated_word_pass(dataset_copy):
    """'AT&T' slugged `att`, 'AC/DC' `acdc`, 'S&P 500' `sp-500`: E3's slug drops the punctuation."""
    _add_entities(dataset_copy, [("att", "AT&T", "ORG"), ("acdc", "AC/DC", "ORG"), ("sp-500", "S&P", "OTHER")])
    assert findings_of(dataset_copy, ENTITY_CHECK) == []
