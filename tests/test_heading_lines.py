"""SG2 (2.38): a headline or section heading segment is one line. attack52 moved the boundary between
two segments of different kinds one line either way (offsets, texts and ids re-derived, the article
still tiled): a heading joined to the paragraph after it validated [heading-spans-lines]."""

from __future__ import annotations

import pytest

from conftest import load, save
from landstrikes.schema.validate import validate

CHECK = "heading-spans-lines"


def _join_with_next(folder, kind: str, line_break: str | None = None):
    """The first `kind` segment takes the whole segment after it (the article still tiled);
    `line_break` replaces the line feeds of the article's text first, everywhere, as a text whose
    lines end otherwise would have them."""
    articles = load(folder, "articles")
    segments = load(folder, "segments").sort_values(["article_id", "start"]).reset_index(drop=True)
    at = next(i for i in range(len(segments) - 1) if segments.kind[i] == kind
              and segments.article_id[i] == segments.article_id[i + 1])
    first, second = segments.iloc[at], segments.iloc[at + 1]
    article = first.article_id
    if line_break is not None:
        row = articles.index[articles.article_id == article][0]
        articles.loc[row, "text"] = articles.text[row].replace("\n", line_break)
        save(folder, "articles", articles)
        text = articles.text[row]
        mine = segments.article_id == article
        segments.loc[mine, "text"] = [text[s:e] for s, e in zip(segments.start[mine], segments.end[mine])]
    text = articles.set_index("article_id").text[article]
    joined = {"end": int(second.end), "text": text[int(first.start):int(second.end)],
              "segment_id": f"{article}:g:{first.start}-{second.end}"}
    for key, value in joined.items():
        segments.loc[at, key] = value
    segments = segments.drop(index=at + 1).reset_index(drop=True)
    save(folder, "segments", segments)
    return joined["segment_id"]


@pytest.mark.parametrize("kind", ["headline", "section_heading"])
def test_a_heading_joined_to_the_paragraph_after_it_is_a_finding(dataset_copy, kind):
    joined = _join_with_next(dataset_copy, kind)
    report = validate(dataset_copy)
    found = [(f.check, f.row_id, f.column) for f in report.findings if f.check == CHECK]
    assert found == [(CHECK, joined, "kind")], report.to_text()
    assert "(SG2)" in report.to_text()


@pytest.mark.parametrize("line_break", ["\r", "\u2028", "\x85"])
def test_a_line_break_other_than_a_line_feed_ends_a_heading_too(dataset_copy, line_break):
    joined = _join_with_next(dataset_copy, "section_heading", line_break)
    found = [(f.check, f.row_id) for f in validate(dataset_copy).findings if f.check == CHECK]
    assert found == [(CHECK, joined)]


def test_the_blank_run_a_heading_ends_with_is_not_a_second_line(built_dataset):
    segments = load(built_dataset, "segments")
    headings = segments[segments.kind.isin(["headline", "section_heading"])]
    assert len(headings) and any(t.rstrip() != t and "\n" in t for t in headings.text)
    assert CHECK not in {f.check for f in validate(built_dataset).findings}


def test_a_body_of_several_lines_is_not_judged(dataset_copy):
    """Only the two heading kinds are one line; a body segment may hold several paragraphs (SG2)."""
    _join_with_next(dataset_copy, "body")
    assert CHECK not in {f.check for f in validate(dataset_copy).findings}


def test_the_extractor_s_own_headings_pass(silver_copy):
    assert CHECK not in {f.check for f in validate(silver_copy).findings}
