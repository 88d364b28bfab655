"""`entities`: the catalogue of real-world entities the articles mention (guidelines E1-E5)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, str_matches
from landstrikes.schema.labels import ENTITY_FLAGS, ENTITY_TYPES

ENTITIES = TableSpec(
    name="entities",
    id_column="entity_id",
    row_meaning="One real-world (or purportedly real) entity.",
    columns=(
        Col(
            "entity_id",
            "string",
            "Readable slug of the canonical name (E3).",
            unique=True,
            checks=(str_matches(r"^[a-z0-9]+(-[a-z0-9]+)*\Z"),),
        ),
        Col("name", "string", "Canonical name.", free_text=True),
        Col("type", "string", "Entity type (E2).", labels=ENTITY_TYPES),
        Col("aliases", "string_list", "Surface names matched as whole words for coverage (M2).", free_text=True),
        Col("description", "string", "One-line description.", free_text=True),
        Col("flag", "string", "Reliability flag (E5).", labels=ENTITY_FLAGS),
        Col("flag_note", "string", "Why the entity is flagged; null when flag is none.", nullable=True, free_text=True),
        *PROVENANCE,
    ),
)
