"""SG1 (guidelines 2.23): segments are blocks, so a segment starts where a line starts (after a line
feed), but for the copy of the title after a breadcrumb path, which starts where its `navigation`
path ends (SG2). attack35: a004's first body block cut in two inside its first sentence, and the
boundary between a004's first body and the heading after it moved past the heading's first word
(ends, starts, texts and ids consistent, the partition kept), each validated
[segment-starts-inside-a-line]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "segment-starts-inside-a-line"
A004 = "004_26f752040ea19616"


def _recut(folder, first_end: int, cut: int, split: bool):
    text = next(a["text"] for a in rows_of(folder, "articles") if a["article_id"] == A004)
    segments = rows_of(folder, "segments")
    before = next(s for s in segments if s["article_id"] == A004 and s["end"] == first_end)
    if split:
        after = dict(before)
        segments.append(after)
    else:
        after = next(s for s in segments if s["article_id"] == A004 and s["start"] == first_end)
    before["end"], after["start"] = cut, cut
    for row in (before, after):
        row.update(text=text[row["start"]:row["end"]], segment_id=f"{A004}:g:{row['start']}-{row['end']}")
    write_rows(folder, "segments", segments)
    return after["segment_id"]


def test_a_body_cut_inside_its_sentence_is_a_finding(dataset_copy):
    text = next(a["text"] for a in rows_of(dataset_copy, "articles") if a["article_id"] == A004)
    cut = text.index(" ", 200) + 1
    second = _recut(dataset_copy, 1187, cut, split=True)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, second, "start")]


def test_a_heading_s_first_word_given_to_the_body_is_a_finding(dataset_copy):
    text = next(a["text"] for a in rows_of(dataset_copy, "articles") if a["article_id"] == A004)
    assert text[1187:1198] == "Escalation "
    heading = _recut(dataset_copy, 1187, 1198, split=False)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, heading, "start")]


def test_the_gold_segments_and_the_breadcrumb_s_title_pass(dataset_copy):
    """a002's headline copy starts inside its line, after the navigation path 'Home » world » '."""
    assert any(s["start"] == 15 and s["kind"] == "headline" for s in rows_of(dataset_copy, "segments"))
    assert findings_of(dataset_copy, CHECK) == []
