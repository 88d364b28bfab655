"""A finding that names a row names a row of its own table (attack50's brief: `quote-mark-coverage`
and `alias-not-covered` put an article id in the `row` of a `quotes` or `mentions` finding, and
`segments-not-partition` did the same for an article whose segments stop short; a reader who looked
for that id in the table named found nothing). A place in an article's text that no row of the
table covers is the article's: table `articles`, row the article id, column `text`."""

from __future__ import annotations

from conftest import load, save
from landstrikes.schema import validate
from landstrikes.schema.registry import TABLES

ARTICLE = "000_68b95635092649cd"


def _ids(folder) -> dict[str, set]:
    return {spec.name: set(load(folder, spec.name)[spec.id_column].dropna()) for spec in TABLES}


def _stray_rows(folder) -> list:
    ids = _ids(folder)
    return [(f.table, f.check, f.row_id) for f in validate(folder).findings
            if f.of_a_row() and not f.row_null and f.table in ids and f.row_id not in ids[f.table]]


def _checks_at(folder, check: str) -> list:
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == check]


def test_quotation_marks_no_quote_covers_are_the_articles(raw_and_data_copy):
    quotes = load(raw_and_data_copy, "quotes")
    first_direct = quotes.index[(quotes.kind == "direct") & (quotes.article_id == ARTICLE)][0]
    save(raw_and_data_copy, "quotes", quotes.drop(index=first_direct))
    assert _checks_at(raw_and_data_copy, "quote-mark-coverage") == [("articles", ARTICLE, "text")]
    assert _stray_rows(raw_and_data_copy) == []


def test_an_alias_no_mention_covers_is_the_articles(raw_and_data_copy):
    mentions = load(raw_and_data_copy, "mentions")
    used = set(load(raw_and_data_copy, "quotes").speaker_mention_id.dropna())
    free = mentions.index[(mentions.kind == "NAME") & ~mentions.mention_id.isin(used) & (mentions.article_id == ARTICLE)][0]
    save(raw_and_data_copy, "mentions", mentions.drop(index=free))
    found = _checks_at(raw_and_data_copy, "alias-not-covered")
    assert found and {(t, c) for t, _, c in found} == {("articles", "text")} and {r for _, r, _ in found} == {ARTICLE}
    assert _stray_rows(raw_and_data_copy) == []


def test_segments_that_stop_short_or_are_missing_are_the_articles(raw_and_data_copy):
    segments = load(raw_and_data_copy, "segments")
    last = segments[segments.article_id == ARTICLE].end.idxmax()
    save(raw_and_data_copy, "segments", segments.drop(index=last))
    # the column whose cell the line prints, the article's n_chars (attack56: `text`, printing the segments' end)
    assert ("articles", ARTICLE, "n_chars") in _checks_at(raw_and_data_copy, "segments-not-partition")
    assert _stray_rows(raw_and_data_copy) == []
    save(raw_and_data_copy, "segments", segments[segments.article_id != ARTICLE])
    assert ("articles", ARTICLE, "text") in _checks_at(raw_and_data_copy, "segments-not-partition")
    assert _stray_rows(raw_and_data_copy) == []
