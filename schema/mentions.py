"""`mentions`: every mention of a catalogued entity (guidelines M1-M5)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset
from landstrikes.schema.labels import MENTION_KINDS

MENTIONS = TableSpec(
    name="mentions",
    id_column="mention_id",
    row_meaning="One span of an article that refers to a catalogued entity.",
    columns=(
        ident("mention_id", "article_id:m:start-end."),
        Col("article_id", "string", "Article the span is in."),
        Col("entity_id", "string", "Entity referred to."),
        offset("start", "Start offset, code points, inclusive."),
        offset("end", "End offset, code points, exclusive."),
        Col("text", "string", "article text[start:end]."),
        Col("kind", "string", "NAME, NOMINAL or PRONOUN (M1).", labels=MENTION_KINDS),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
)
