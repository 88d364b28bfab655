"""`claims` and `claim_clusters`: check-worthy claims and the cross-article propositions they share (C1-C12)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset, ge
from landstrikes.schema.labels import CLAIM_TYPES, CONSISTENCY, HEDGING, QUANTITY_BOUNDS, RECORD_STATUSES

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
        Col("quantity_unit", "string", "Unit of the quantity.", nullable=True, free_text=True),
        Col("quantity_bound", "string", "How the quantity is bounded.", nullable=True, labels=QUANTITY_BOUNDS),
        Col("hedging", "string", "asserted, attributed or questioned (C6).", labels=HEDGING),
        Col("cluster_id", "string", "Cross-article proposition cluster (C7); see claim_clusters."),
        Col("variant_id", "string", "Which incompatible version of the cluster's proposition (C9); null when it has one.", nullable=True),
        Col("consistency", "string", "Consistency with the other articles (C8).", labels=CONSISTENCY),
        Col("contradicted_by", "string_list", "claim_ids in other articles that contradict this one."),
        Col(
            "record_status",
            "string",
            "Agreement with the public record of the claim's variant (or cluster): matches, contradicts, unknown (C9b; derived).",
            labels=RECORD_STATUSES,
        ),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"),),
)

CLAIM_CLUSTERS = TableSpec(
    name="claim_clusters",
    id_column="cluster_id",
    row_meaning="One cross-article proposition that one or more claims state (C7).",
    columns=(
        ident("cluster_id", "Readable slug, c-... (C7)."),
        Col("proposition", "string", "What every claim of the cluster asserts, in neutral words.", free_text=True),
        Col("variant_ids", "string_list", "Incompatible versions of the proposition (C9); empty when there is one."),
        Col("variant_propositions", "string_list", "What each variant asserts, aligned with variant_ids.", free_text=True),
        Col(
            "record_status",
            "string",
            "Agreement of the proposition with the public record (C9b); null when the cluster has variants.",
            nullable=True,
            labels=RECORD_STATUSES,
        ),
        Col("record_note", "string", "Why the record status is what it is (C9b).", nullable=True, free_text=True),
        Col("variant_record_statuses", "string_list", "Record status of each variant, aligned with variant_ids (C9b)."),
        Col("variant_record_notes", "string_list", "Why, per variant, aligned with variant_ids (empty string = no note).", free_text=True),
        Col("n_claims", "int", "Claims in the cluster (derived); every cluster is used.", checks=(ge(1),)),
        Col("n_articles", "int", "Articles with a claim in the cluster (derived).", checks=(ge(1),)),
        Col("contradicted", "bool", "True when two articles state incompatible variants (derived)."),
        *PROVENANCE,
    ),
)
