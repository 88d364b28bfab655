"""The columns (order, type, nullability) of every table of every schema version this package has released.

`verify` compares a release's stated columns with its files, which a forger rewrites alike; these
lists are the authority they cannot rewrite, for the version the release states, old or current
(verify19: a release stating '2.0' whose quotes carried 2.1's speaker columns verified ok). Types
are the manifest's names (`int` is Arrow int64, `float` double, `string_list` a list of strings).
Copied from the manifests and Parquet files of the committed releases 1.0.0, 2.0.0 and 2.1.0, and
checked against `schema/*.schema.yaml` at each release's commit (docs/notes/verify19.md);
tests/test_schema_history_columns.py holds them, and the current entry to the registry: a new
schema version adds its entry here (that test fails until it does)."""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    name: str
    type: str
    nullable: bool


def required(name: str, type: str = "string") -> Column:
    return Column(name, type, False)


def nullable(name: str, type: str = "string") -> Column:
    return Column(name, type, True)


_PROVENANCE = (required("source"), nullable("confidence", "float"))
"""The last two columns of every table since 1.0 (gold or auto, and a silver row's confidence)."""

_SPAN = (required("article_id"), required("start", "int"), required("end", "int"), required("text"))

_SCHEMA_1_0: dict[str, tuple[Column, ...]] = {
    "articles": (
        required("article_id"), required("source_file"), required("sha256"), nullable("title"), required("text"),
        required("n_chars", "int"), required("n_words", "int"), required("quality_label"),
        required("quality_flags", "string_list"), required("boilerplate_share", "float"), *_PROVENANCE,
    ),
    "entities": (
        required("entity_id"), required("name"), required("type"), required("aliases", "string_list"),
        required("description"), required("flag"), nullable("flag_note"), *_PROVENANCE,
    ),
    "mentions": (
        required("mention_id"), required("article_id"), required("entity_id"), required("start", "int"),
        required("end", "int"), required("text"), required("kind"), *_PROVENANCE,
    ),
    "mention_exclusions": (
        required("exclusion_id"), required("article_id"), required("entity_id"), required("start", "int"),
        required("end", "int"), required("text"), required("reason"), *_PROVENANCE,
    ),
    "quotes": (
        required("quote_id"), *_SPAN, required("kind"), required("speaker_status"), nullable("speaker_id"),
        nullable("speaker_mention_id"), nullable("cue_start", "int"), nullable("cue_end", "int"), nullable("cue_text"),
        nullable("cue_lemma"), nullable("parent_quote_id"), required("cluster_id"),
        required("cluster_similarity", "float"), *_PROVENANCE,
    ),
    "claims": (
        required("claim_id"), *_SPAN, nullable("claimant_id"), required("claim_type"),
        nullable("quantity_low", "float"), nullable("quantity_high", "float"), nullable("quantity_unit"),
        nullable("quantity_bound"), required("hedging"), required("cluster_id"), nullable("variant_id"),
        required("consistency"), required("contradicted_by", "string_list"), *_PROVENANCE,
    ),
    "claim_clusters": (
        required("cluster_id"), required("proposition"), required("variant_ids", "string_list"),
        required("variant_propositions", "string_list"), required("n_claims", "int"), required("n_articles", "int"),
        required("contradicted", "bool"), *_PROVENANCE,
    ),
    "stance_targets": (required("target_id"), required("description"), *_PROVENANCE),
    "stances": (
        required("stance_id"), required("article_id"), nullable("holder_id"), required("target_id"), required("label"),
        required("evidence_start", "int"), required("evidence_end", "int"), required("evidence_text"),
        nullable("fnc_label"), *_PROVENANCE,
    ),
    "segments": (required("segment_id"), *_SPAN, required("kind"), *_PROVENANCE),
    "quality_flags": (
        required("flag_id"), required("article_id"), required("flag"), required("start", "int"), required("end", "int"),
        required("text"), required("note"), *_PROVENANCE,
    ),
}

_SCHEMA_2_0_ADDED: dict[str, dict[str, tuple[Column, ...]]] = {
    "quotes": {
        "speaker_mention_id": (required("speaker_ids", "string_list"),),
        "parent_quote_id": (nullable("event_id"),),
    },
    "claims": {"contradicted_by": (required("record_status"),)},
    "claim_clusters": {
        "variant_propositions": (
            nullable("record_status"), nullable("record_note"), required("variant_record_statuses", "string_list"),
            required("variant_record_notes", "string_list"),
        ),
    },
    "stances": {
        "article_id": (required("holder_kind"),),
        "holder_id": (nullable("holder_group"),),
        "fnc_label": (required("stance_confidence"),),
    },
}
"""What schema 2.0 (guidelines 2.0, commit 18afa27) added, each after the column named: a quote's
speakers and event, record statuses, the stance holder's kind and group and the stance's
confidence. No column was removed, retyped or moved."""

_SCHEMA_2_1_ADDED: dict[str, dict[str, tuple[Column, ...]]] = {
    "quotes": {
        "speaker_ids": (nullable("speaker_start", "int"), nullable("speaker_end", "int"), nullable("speaker_text")),
    },
}
"""What schema 2.1 (rule Q16, commit 7bced2d) added: where the text names who spoke."""


def _with_added(base: dict[str, tuple[Column, ...]], added: dict) -> dict[str, tuple[Column, ...]]:
    """`base` with each table's new columns inserted after the column they follow."""
    out = {}
    for table, columns in base.items():
        after = added.get(table, {})
        out[table] = tuple(c for column in columns for c in (column, *after.get(column.name, ())))
    return out


COLUMNS_BY_SCHEMA_VERSION: dict[str, dict[str, tuple[Column, ...]]] = {"1.0": _SCHEMA_1_0}
COLUMNS_BY_SCHEMA_VERSION["2.0"] = _with_added(COLUMNS_BY_SCHEMA_VERSION["1.0"], _SCHEMA_2_0_ADDED)
COLUMNS_BY_SCHEMA_VERSION["2.1"] = _with_added(COLUMNS_BY_SCHEMA_VERSION["2.0"], _SCHEMA_2_1_ADDED)


def added_in(table: str, column: str) -> str | None:
    """The first schema version whose `table` has `column` (None: no version had it)."""
    for version, tables in COLUMNS_BY_SCHEMA_VERSION.items():
        if any(c.name == column for c in tables.get(table, ())):
            return version
    return None
