from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part

SPAN_TABLES = ("mentions", "quotes", "claims", "quality_flags", "stances")


def prepare(input: Path) -> None:
    """Turn one space of the first article's body into a tab, and its segment's text with it:
    every span still reads its slice, the word count holds, only the digest is now false."""
    articles_path, segments_path = part(input, "articles"), part(input, "segments")
    articles, segments = pq.read_table(articles_path), pq.read_table(segments_path)
    article_id, text = articles.column("article_id")[0].as_py(), articles.column("text")[0].as_py()
    covered = set()
    for name in SPAN_TABLES:
        for row in pq.read_table(part(input, name)).to_pylist():
            if row["article_id"] == article_id:
                for start, end in (("start", "end"), ("cue_start", "cue_end"), ("evidence_start", "evidence_end")):
                    if row.get(start) is not None:
                        covered.update(range(row[start], row[end]))
    rows = segments.to_pylist()
    body = next(r for r in rows if r["article_id"] == article_id and r["kind"] == "body")
    p = next(p for p in range(body["start"], body["end"]) if text[p] == " " and p not in covered)
    text = text[:p] + "\t" + text[p + 1:]
    body["text"] = text[body["start"]:body["end"]]
    texts = articles.column("text").to_pylist()
    texts[0] = text
    i = articles.schema.get_field_index("text")
    pq.write_table(articles.set_column(i, articles.schema.field(i), pa.array(texts, articles.schema.field(i).type)), articles_path)
    pq.write_table(pa.Table.from_pylist(rows, schema=segments.schema), segments_path)
