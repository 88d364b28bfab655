"""Build `segments`: each source lists where blocks start; ends follow, so they tile the text."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.annotations.raw import RawArticle
from landstrikes.schema.labels import SEGMENT_KINDS
from landstrikes.annotations.sources import ArticleSource
from landstrikes.tables.common import choice, span_id, span_of


def build_segments(corpus: Corpus) -> list[dict]:
    rows = []
    for article in corpus.articles:
        source = corpus.source_for(article)
        if source is not None:
            rows.extend(article_segments(article, source))
    return sorted(rows, key=lambda r: r["segment_id"])


def article_segments(article: RawArticle, source: ArticleSource) -> list[dict]:
    starts = []
    for record in source.layer("segments"):
        record.check_keys({"kind", "from", "n", "in"})
        start, _ = span_of(record, article, {"text": record.require("from"), "n": record.get("n"), "in": record.get("in")}, "segment start")
        starts.append((start, choice(record, "kind", SEGMENT_KINDS), record))
    starts.sort(key=lambda s: s[0])
    if not starts:
        return []
    if starts[0][0] != 0:
        raise starts[0][2].error("the first segment must start at the article's first character", check="segment-gap")
    rows = []
    for i, (start, kind, record) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(article.text)
        if end == start:
            raise record.error("two segments start at the same offset", check="segment-overlap")
        rows.append(
            {
                "segment_id": span_id(article.article_id, "g", start, end),
                "article_id": article.article_id,
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "kind": kind,
            }
        )
    return rows
