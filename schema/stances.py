"""`stance_targets` and `stances`: who holds which position on what (S1-S4)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset
from landstrikes.schema.labels import FNC_LABELS, HOLDER_GROUPS, HOLDER_KINDS, STANCE_CONFIDENCE, STANCE_LABELS

STANCE_TARGETS = TableSpec(
    name="stance_targets",
    id_column="target_id",
    row_meaning="One proposition or policy that holders take a stance on.",
    columns=(
        ident("target_id", "Readable slug (S1)."),
        Col("description", "string", "Definition of the target.", free_text=True),
        *PROVENANCE,
    ),
)

STANCES = TableSpec(
    name="stances",
    id_column="stance_id",
    row_meaning="The stance of one holder toward one target in one article.",
    columns=(
        ident("stance_id", "article_id:s:<holder_id | group-<holder_group> | article>:target."),
        Col("article_id", "string", "Article giving the evidence."),
        Col("holder_kind", "string", "entity, group (unnamed collective) or article (editorial voice) (S3).", labels=HOLDER_KINDS),
        Col("holder_id", "string", "Entity holding the stance; null for group and article holders.", nullable=True),
        Col("holder_group", "string", "Unnamed collective holding the stance (S3); null unless holder_kind is group.", nullable=True, labels=HOLDER_GROUPS),
        Col("target_id", "string", "Target of the stance."),
        Col("label", "string", "favor, against or neutral (S2).", labels=STANCE_LABELS),
        offset("evidence_start", "Start of the evidence span."),
        offset("evidence_end", "End of the evidence span, exclusive."),
        Col("evidence_text", "string", "article text[evidence_start:evidence_end]."),
        Col(
            "fnc_label",
            "string",
            "FNC-1 reading of the article body vs its headline; article-voice rows only (S4).",
            nullable=True,
            labels=FNC_LABELS,
        ),
        Col("stance_confidence", "string", "Annotator's certainty in the label: high, medium, low (S6); not the extractor's confidence.", labels=STANCE_CONFIDENCE),
        *PROVENANCE,
    ),
    span_columns=(("evidence_start", "evidence_end", "evidence_text"),),
)
