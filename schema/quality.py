"""`quality_flags`: each quality problem of an article with its evidence span (AQ1)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset
from landstrikes.schema.labels import QUALITY_FLAGS

QUALITY_FLAG_ROWS = TableSpec(
    name="quality_flags",
    id_column="flag_id",
    row_meaning="One piece of evidence for one quality flag of one article.",
    columns=(
        ident("flag_id", "article_id:f:flag:start-end."),
        Col("article_id", "string", "Article flagged."),
        Col("flag", "string", "Quality flag (AQ1).", labels=QUALITY_FLAGS),
        offset("start", "Start of the evidence span."),
        offset("end", "End of the evidence span, exclusive."),
        Col("text", "string", "article text[start:end]."),
        Col("note", "string", "What is wrong, in one sentence.", free_text=True),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
)
