"""Build `mentions` and `mention_exclusions` from each article's source (M1-M5)."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.annotations.spans import span_spec
from landstrikes.schema.labels import MENTION_KINDS
from landstrikes.tables.common import choice, layer_records, span_id, span_of, unique_rows


def build_mentions(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "mentions"):
        record.check_keys({"text", "n", "in", "entity", "kind"})
        start, end = span_of(record, article, span_spec(record), "mention")
        rows.append(
            {
                "mention_id": span_id(article.article_id, "m", start, end),
                "article_id": article.article_id,
                "entity_id": str(record.require("entity")),
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "kind": choice(record, "kind", MENTION_KINDS, default="NAME"),
            }
        )
        recs.append(record)
    return unique_rows(rows, "mention_id", recs)


def build_mention_exclusions(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "exclusions"):
        record.check_keys({"text", "n", "in", "entity", "reason"})
        start, end = span_of(record, article, span_spec(record), "mention")
        rows.append(
            {
                "exclusion_id": span_id(article.article_id, "x", start, end),
                "article_id": article.article_id,
                "entity_id": str(record.require("entity")),
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "reason": str(record.require("reason")),
            }
        )
        recs.append(record)
    return unique_rows(rows, "exclusion_id", recs)

