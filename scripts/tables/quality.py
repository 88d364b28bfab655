"""Build `quality_flags`: each flag of an article with its evidence span (AQ1)."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.annotations.spans import span_spec
from landstrikes.schema.labels import QUALITY_FLAGS
from landstrikes.tables.common import choice, layer_records, span_of, unique_rows


def build_quality_flags(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "quality"):
        record.check_keys({"flag", "text", "n", "in", "note"})
        flag = choice(record, "flag", QUALITY_FLAGS)
        start, end = span_of(record, article, span_spec(record), "evidence")
        rows.append(
            {
                "flag_id": f"{article.article_id}:f:{flag}:{start}-{end}",
                "article_id": article.article_id,
                "flag": flag,
                "start": start,
                "end": end,
                "text": article.text[start:end],
                "note": str(record.require("note")),
            }
        )
        recs.append(record)
    return unique_rows(rows, "flag_id", recs)
