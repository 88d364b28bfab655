"""Build `entities` from the catalogue dataset/annotations/entities.yaml."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.schema.labels import ENTITY_FLAGS, ENTITY_TYPES
from landstrikes.tables.common import choice, unique_rows

FIELDS = {"id", "name", "type", "aliases", "description", "flag", "flag_note"}


def build_entities(corpus: Corpus) -> list[dict]:
    rows = []
    for record in corpus.entities:
        record.check_keys(FIELDS)
        flag = choice(record, "flag", ENTITY_FLAGS, default="none")
        note = record.get("flag_note")
        if (flag == "none") != (note is None):
            raise record.error("flag_note is required exactly when flag is not 'none'", "flag_note", "missing-field")
        aliases = record.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise record.error("aliases must be a list of non-empty strings", "aliases", "wrong-type")
        rows.append(
            {
                "entity_id": str(record.require("id")),
                "name": str(record.require("name")),
                "type": choice(record, "type", ENTITY_TYPES),
                "aliases": sorted(set(aliases)),
                "description": str(record.require("description")),
                "flag": flag,
                "flag_note": note,
            }
        )
    return unique_rows(rows, "entity_id", list(corpus.entities))
