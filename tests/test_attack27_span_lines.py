"""A span lies inside one line (Q2's paragraph ends at a line feed; a name, a description, a
claim, a clause of evidence, a cue, a flag's minimal phrase never reach into the next line).
attack27: three spans widened over a paragraph break onto the next line's first word, text and
id re-derived as a producer with a wrong end would write them, each validated
[span-crosses-line]. The extractor's boilerplate flags cover whole blocks and are exempt."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "span-crosses-line"
FORMS = {"mentions": "{article_id}:m:{start}-{end}", "quality_flags": "{article_id}:f:{flag}:{start}-{end}"}


def _widen_over_the_line_end(folder, table, pick, spans=("start", "end", "text")) -> str:
    """The first row `pick` takes whose line ends within 40 characters: its end moved onto the
    next line's first word, its text re-sliced and its id (when the span is the id) re-derived."""
    texts = {a["article_id"]: a["text"] for a in rows_of(folder, "articles")}
    rows = rows_of(folder, table)
    start, end, text = spans
    for row in rows:
        article = texts[row["article_id"]]
        line_end = article.find("\n", row[end])
        if not pick(row) or line_end < 0 or line_end - row[end] > 40:
            continue
        word = line_end + len(article[line_end:]) - len(article[line_end:].lstrip("\n"))
        stop = word + len(article[word:].split(None, 1)[0])
        row[end], row[text] = stop, article[row[start]:stop]
        if table in FORMS:
            row[next(iter(k for k in row if k.endswith("_id")))] = FORMS[table].format(**row)
        write_rows(folder, table, rows)
        return row[text]
    raise AssertionError("no row to widen")


@pytest.mark.parametrize("table, pick, spans", [
    ("mentions", lambda r: r["kind"] == "NOMINAL", ("start", "end", "text")),
    ("quality_flags", lambda r: r["flag"] == "spun_text", ("start", "end", "text")),
    ("stances", lambda r: True, ("evidence_start", "evidence_end", "evidence_text")),
], ids=["nominal", "spun-text-flag", "stance-evidence"])
def test_a_span_widened_over_a_paragraph_break_is_a_finding(raw_and_data_copy, table, pick, spans):
    text = _widen_over_the_line_end(raw_and_data_copy, table, pick, spans)
    assert "\n" in text
    assert [column for _, _, column in findings_of(raw_and_data_copy, CHECK)] == [spans[2]]


def test_the_extractors_block_flags_may_cross_lines(raw_and_data_copy):
    """The extractor flags a boilerplate block whole: its rows (file stamped auto) are exempt."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from attack25_tools import table_path

    _widen_over_the_line_end(raw_and_data_copy, "quality_flags", lambda r: r["flag"] == "boilerplate")
    path = table_path(raw_and_data_copy, "quality_flags")
    table = pq.read_table(path)
    rows = [dict(row, source="auto", confidence=0.5) for row in table.to_pylist()]
    stamped = table.schema.with_metadata({**table.schema.metadata, b"landstrikes.source": b"auto"})
    pq.write_table(pa.Table.from_pylist(rows, schema=stamped), path)
    assert findings_of(raw_and_data_copy, CHECK) == []


def test_a_speaker_mention_in_another_paragraph_than_the_cue_is_a_finding(dataset_copy):
    """Q6: the speaker mention is the subject of the cue ("Trump said"), so it stands in the cue's
    line. a000's "alleged" quote given the mention of Trump three paragraphs on (mention id,
    speaker words and offsets all that mention's) validated."""
    quotes, mentions = rows_of(dataset_copy, "quotes"), rows_of(dataset_copy, "mentions")
    cues = [(q["article_id"], q["cue_start"]) for q in quotes]
    quote = next(q for q in quotes if q["speaker_status"] == "attributed" and q["speaker_mention_id"] and q["cue_start"] is not None
                 and cues.count((q["article_id"], q["cue_start"])) == 1)
    far = max((m for m in mentions if m["article_id"] == quote["article_id"] and m["entity_id"] == quote["speaker_id"]),
              key=lambda m: abs(m["start"] - quote["cue_start"]))
    quote.update(speaker_mention_id=far["mention_id"], speaker_start=far["start"], speaker_end=far["end"], speaker_text=far["text"])
    write_rows(dataset_copy, "quotes", quotes)
    assert findings_of(dataset_copy, "speaker-off-cue-line") == [("speaker-off-cue-line", quote["quote_id"], "speaker_start")]
