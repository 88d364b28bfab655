"""`articles`: one row per raw article, its verbatim text and its quality assessment."""

from landstrikes.schema.columns import Col, PROVENANCE, TableSpec, ident, ge, gt, in_range, str_matches
from landstrikes.schema.labels import QUALITY_LABELS

ARTICLES = TableSpec(
    name="articles",
    id_column="article_id",
    row_meaning="One news article, its raw text stored verbatim, and its quality label.",
    columns=(
        ident("article_id", "Stable id: the raw file's name without '.txt'."),
        Col("source_file", "string", "Raw file name under dataset/raw/.", unique=True),
        Col(
            "sha256",
            "string",
            "sha256 of the raw file's bytes.",
            unique=True,
            checks=(str_matches(r"^[0-9a-f]{64}\Z"),),
        ),
        Col("title", "string", "The first headline segment, stripped; null when the text has no headline.", nullable=True),
        Col("text", "string", "The raw text, verbatim; every span offset points into it."),
        Col("n_chars", "int", "Length of text in Unicode code points.", checks=(gt(0),)),
        Col("n_words", "int", "Whitespace-separated tokens in text.", checks=(ge(0),)),
        Col(
            "quality_label",
            "string",
            "Overall quality (guideline AQ2).",
            labels=QUALITY_LABELS,
        ),
        Col("quality_flags", "string_list", "Sorted distinct flags of quality_flags rows (AQ1)."),
        Col(
            "boilerplate_share",
            "float",
            "Share of characters in navigation/prompt/advertisement segments.",
            checks=(in_range(0.0, 1.0),),
        ),
        *PROVENANCE,
    ),
)
