"""attack37: SG1's segments are blocks, "a segment starts where a line starts", and the raw texts
keep their line breaks as written (README: a CRLF copy is a text of its own). In an article whose
lines end in a CR alone (an old Mac export), NEL, or U+2028 LINE SEPARATOR (a web page's <br> as
some scrapers write it), no line feed exists, so segment-starts-inside-a-line refused every
segment but the first of a team's gold that cut the article at its lines as SG1 and SG2 ask
(headline, byline, body). A line starts after any of Unicode's mandatory breaks (UAX #14: LF, CR,
NEL, VT, FF, U+2028, U+2029); a segment cut inside a line is still a finding."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "segment-starts-inside-a-line"
A004, A000 = "004_26f752040ea19616", "000_68b95635092649cd"


def _with_breaks(folder, brk: str, article: str = A004) -> str:
    articles = rows_of(folder, "articles")
    row = next(a for a in articles if a["article_id"] == article)
    row["text"] = row["text"].replace("\n", brk)
    write_rows(folder, "articles", articles)
    segments = rows_of(folder, "segments")
    for s in segments:
        if s["article_id"] == article:
            s["text"] = s["text"].replace("\n", brk)
    write_rows(folder, "segments", segments)
    return row["text"]


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029", "\x0c"])
def test_blocks_cut_at_other_line_breaks_pass(dataset_copy, brk):
    _with_breaks(dataset_copy, brk)
    assert sum(s["article_id"] == A004 for s in rows_of(dataset_copy, "segments")) > 3
    assert findings_of(dataset_copy, CHECK) == []


def test_a_cut_inside_a_line_of_a_cr_text_is_still_a_finding(dataset_copy):
    text = _with_breaks(dataset_copy, "\r")
    segments = rows_of(dataset_copy, "segments")
    before = next(s for s in segments if s["article_id"] == A004 and s["end"] == 1187)
    cut = text.index(" ", 200) + 1
    after = dict(before)
    segments.append(after)
    before["end"], after["start"] = cut, cut
    for row in (before, after):
        row.update(text=text[row["start"]:row["end"]], segment_id=f"{A004}:g:{row['start']}-{row['end']}")
    write_rows(dataset_copy, "segments", segments)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, after["segment_id"], "start")]


@pytest.mark.parametrize("brk", ["\r", "\u2028"])
def test_the_blank_run_between_blocks_moved_into_the_next_is_still_a_finding(dataset_copy, brk):
    """SG1: the whitespace between two blocks belongs to the segment before. In a text without line
    feeds, a body opening with the second break of 'Head<br><br>Body' starts after a break, but
    inside the run between the blocks (segment-starts-with-line-feed judges only line feeds)."""
    text = _with_breaks(dataset_copy, brk, A000)
    segments = rows_of(dataset_copy, "segments")
    after = next(s for s in segments if s["article_id"] == A000 and s["start"] == 164)
    assert text[162:164] == brk * 2
    before = next(s for s in segments if s["article_id"] == A000 and s["end"] == 164)
    before["end"] = after["start"] = 163
    for row in (before, after):
        row.update(text=text[row["start"]:row["end"]], segment_id=f"{A000}:g:{row['start']}-{row['end']}")
    write_rows(dataset_copy, "segments", segments)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, after["segment_id"], "start")]
