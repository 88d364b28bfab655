"""`mention_exclusions`: alias occurrences that are not mentions of their entity (M5)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset

MENTION_EXCLUSIONS = TableSpec(
    name="mention_exclusions",
    id_column="exclusion_id",
    row_meaning="One whole-word alias occurrence that deliberately is not a mention, with why.",
    columns=(
        ident("exclusion_id", "article_id:x:start-end."),
        Col("article_id", "string", "Article the occurrence is in."),
        Col("entity_id", "string", "Entity whose alias matched."),
        offset("start", "Start offset."),
        offset("end", "End offset, exclusive."),
        Col("text", "string", "article text[start:end]."),
        Col("reason", "string", "Why this occurrence is not a mention.", free_text=True),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
    may_be_empty=True,
)
