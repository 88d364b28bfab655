"""`quotes`: every quotation and reported speech, with speaker and cue (guidelines Q1-Q12)."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, offset, in_range
from landstrikes.schema.labels import QUOTE_KINDS, SPEAKER_STATUSES

QUOTES = TableSpec(
    name="quotes",
    id_column="quote_id",
    row_meaning="One quotation or stretch of reported speech in one article.",
    columns=(
        ident("quote_id", "article_id:q:start-end."),
        Col("article_id", "string", "Article the quote is in."),
        offset("start", "Start of the quoted words (marks excluded)."),
        offset("end", "End of the quoted words, exclusive."),
        Col("text", "string", "article text[start:end], without quotation marks."),
        Col("kind", "string", "direct, partial, indirect, scare or orphan (Q1).", labels=QUOTE_KINDS),
        Col("speaker_status", "string", "How the speaker is given (Q9).", labels=SPEAKER_STATUSES),
        Col("speaker_id", "string", "Entity who spoke; null per speaker_status.", nullable=True),
        Col("speaker_mention_id", "string", "Mention attributing the quote (Q6).", nullable=True),
        Col("speaker_ids", "string_list", "Every speaker entity: [speaker_id], or the speakers of a `multiple` row (Q9)."),
        offset("speaker_start", "Start of the words naming who spoke: the speaker mention, or an unnamed source's phrase (Q16).", nullable=True),
        offset("speaker_end", "End of those words, exclusive.", nullable=True),
        Col("speaker_text", "string", "article text[speaker_start:speaker_end] ('Trump', 'Security analysts').", nullable=True),
        offset("cue_start", "Start of the reporting cue (Q5).", nullable=True),
        offset("cue_end", "End of the reporting cue.", nullable=True),
        Col("cue_text", "string", "article text[cue_start:cue_end].", nullable=True),
        Col("cue_lemma", "string", "Base form of the cue ('say', 'according to', ':').", nullable=True),
        Col("parent_quote_id", "string", "Enclosing quote for a nested quote (Q4).", nullable=True),
        Col("event_id", "string", "EVENT entity on which the words were said, when the article names it (Q14).", nullable=True),
        Col("cluster_id", "string", "Cross-article utterance cluster (Q12)."),
        Col(
            "cluster_similarity",
            "float",
            "Similarity of text to the cluster's reference variant, 0..1 (Q12).",
            checks=(in_range(0.0, 1.0),),
        ),
        *PROVENANCE,
    ),
    span_columns=(("start", "end", "text"), ("speaker_start", "speaker_end", "speaker_text"), ("cue_start", "cue_end", "cue_text")),
)
