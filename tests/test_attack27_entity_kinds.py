"""Two catalogue corruptions that kept every id, span and type valid (attack27):

- a personal pronoun given to an entity no person: "her" in a000 re-pointed at the EVENT
  `fox-news-interview-2026`, "she" at a GPE, both VALID. M1's pronouns "he", "she", "her",
  "him" (and "I", "me", "my") name a person; E2 types people PERSON [pronoun-type-mismatch].
  "it", "they", "we", "who" may name anything. The extractor's rows are exempt: its types are
  proposals ("he" typed ORG 8 times in 27,635 BBC mentions).
- an entity given another's canonical name (`donald-trump` named "Claudia Sheinbaum", in any
  case or normal form), or a canonical name spelt with a letter of another script inside a word
  ("Donald \u0422rump", a Cyrillic Te), both VALID. E3 derives one id from one canonical name, so
  the catalogue names each entity once [entity-name-repeated]; a confusable inside a canonical
  name is a spoof, the raw text's own spelling is in the aliases [entity-name-mixed-scripts]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows


def _repoint_a_pronoun(folder, text: str, entity_type: str) -> str:
    mentions, quotes = rows_of(folder, "mentions"), rows_of(folder, "quotes")
    types = {e["entity_id"]: e["type"] for e in rows_of(folder, "entities")}
    speakers = {q["speaker_mention_id"] for q in quotes}
    row = next(m for m in mentions if m["kind"] == "PRONOUN" and m["text"].lower() == text and m["mention_id"] not in speakers)
    row["entity_id"] = next(m["entity_id"] for m in mentions if m["article_id"] == row["article_id"] and types[m["entity_id"]] == entity_type)
    write_rows(folder, "mentions", mentions)
    return row["mention_id"]


@pytest.mark.parametrize("text, entity_type", [("her", "EVENT"), ("she", "GPE")])
def test_a_personal_pronoun_of_an_entity_no_person_is_a_finding(dataset_copy, text, entity_type):
    mention = _repoint_a_pronoun(dataset_copy, text, entity_type)
    assert findings_of(dataset_copy, "pronoun-type-mismatch") == [("pronoun-type-mismatch", mention, "entity_id")]


def _rename(folder, entity_id: str, name: str) -> None:
    entities = rows_of(folder, "entities")
    next(e for e in entities if e["entity_id"] == entity_id).update(name=name)
    write_rows(folder, "entities", entities)


@pytest.mark.parametrize("name", ["Claudia Sheinbaum", "CLAUDIA  SHEINBAUM"])
def test_an_entity_given_anothers_name_is_a_finding(dataset_copy, name):
    _rename(dataset_copy, "donald-trump", name)
    assert findings_of(dataset_copy, "entity-name-repeated") == [("entity-name-repeated", "donald-trump", "name")]


def test_a_canonical_name_with_a_letter_of_another_script_is_a_finding(dataset_copy):
    _rename(dataset_copy, "donald-trump", "Donald \u0422rump")
    assert findings_of(dataset_copy, "entity-name-mixed-scripts") == [("entity-name-mixed-scripts", "donald-trump", "name")]


def test_names_of_one_script_each_pass(dataset_copy):
    """Accents and other scripts are names too: 'Nicolás', a name in Cyrillic, 'Ciudad de México'."""
    _rename(dataset_copy, "donald-trump", "\u0414\u043e\u043d\u0430\u043b\u044c\u0434 \u0422\u0440\u0430\u043c\u043f")
    _rename(dataset_copy, "claudia-sheinbaum", "Cl\u00e1udia She\u00efnbaum")
    assert findings_of(dataset_copy, "entity-name-mixed-scripts") == findings_of(dataset_copy, "entity-name-repeated") == []
