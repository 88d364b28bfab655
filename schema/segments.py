"""`segments`: each article partitioned into labelled blocks (SG1-SG2)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset
from landstrikes.schema.labels import SEGMENT_KINDS

SEGMENTS = TableSpec(
    name="segments",
    id_column="segment_id",
    row_meaning="One contiguous block of an article; an article's segments partition its text.",
    columns=(
        ident("segment_id", "article_id:g:start-end."),
        Col("article_id", "string", "Article the block is in."),
        offset("start", "Start offset."),
        offset("end", "End offset, exclusive."),
        Col("text", "string", "article text[start:end]."),
        Col("kind", "string", "Segment kind (SG2).", labels=SEGMENT_KINDS),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
)
