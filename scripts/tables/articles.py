"""Build `articles`: verbatim text, counts, and quality derived from flags and segments (AQ2)."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.schema.article_rules import BOILERPLATE_KINDS, FACTUAL_SLIPS, quality_label_for, title_of  # noqa: F401 (title_of: re-exported)
from landstrikes.tables.quality import build_quality_flags
from landstrikes.tables.segments import build_segments


def build_articles(corpus: Corpus) -> list[dict]:
    flags = build_quality_flags(corpus)
    segments = build_segments(corpus)
    rows = []
    for article in corpus.articles:
        mine = [f["flag"] for f in flags if f["article_id"] == article.article_id]
        noise = sum(s["end"] - s["start"] for s in segments if s["article_id"] == article.article_id and s["kind"] in BOILERPLATE_KINDS)
        rows.append(
            {
                "article_id": article.article_id,
                "source_file": article.source_file,
                "sha256": article.sha256,
                "title": title_of(article.text, [s for s in segments if s["article_id"] == article.article_id]),
                "text": article.text,
                "n_chars": len(article.text),
                "n_words": len(article.text.split()),
                "quality_label": quality_label_for(sorted(set(mine)), sum(mine.count(f) for f in FACTUAL_SLIPS)),
                "quality_flags": sorted(set(mine)),
                "boilerplate_share": round(noise / len(article.text), 6),
            }
        )
    return rows
