"""`claims`: every check-worthy factual claim with its cross-article consistency (C1-C8)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset
from landstrikes.schema.labels import CLAIM_TYPES, CONSISTENCY, HEDGING, QUANTITY_BOUNDS

CLAIMS = TableSpec(
    name="claims",
    id_column="claim_id",
    row_meaning="One check-worthy proposition stated in one article.",
    columns=(
        ident("claim_id", "article_id:c:start-end."),
        Col("article_id", "string", "Article the claim is in."),
        offset("start", "Start offset."),
        offset("end", "End offset, exclusive."),
        Col("text", "string", "article text[start:end]."),
        Col("claimant_id", "string", "Entity the claim is attributed to; null = article voice.", nullable=True),
        Col("claim_type", "string", "Claim type (C4).", labels=CLAIM_TYPES),
        Col("quantity_low", "float", "Lower bound of the normalised quantity (C5).", nullable=True),
        Col("quantity_high", "float", "Upper bound of the normalised quantity.", nullable=True),
        Col("quantity_unit", "string", "Unit of the quantity.", nullable=True),
        Col("quantity_bound", "string", "How the quantity is bounded.", nullable=True, labels=QUANTITY_BOUNDS),
        Col("hedging", "string", "asserted, attributed or questioned (C6).", labels=HEDGING),
        Col("cluster_id", "string", "Cross-article proposition cluster (C7)."),
        Col("consistency", "string", "Consistency with the other articles (C8).", labels=CONSISTENCY),
        Col("contradicted_by", "string_list", "claim_ids in other articles that contradict this one."),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
)
