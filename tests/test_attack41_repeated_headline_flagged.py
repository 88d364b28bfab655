"""C10, SG2 (AQ1's `duplicate_headline`): a verbatim repeat of a headline is flagged
`duplicate_headline`. The check so far held only the flag to a repeat
(`duplicate-headline-not-a-repeat`), not the repeat to its flag. attack41: on the gold, the
`duplicate_headline` row of 000 (or of 003) deleted together with the article's
`quality_flags` list item validated, though the article still carries two headline segments
of one text [repeated-headline-not-flagged]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "repeated-headline-not-flagged"


def _drop_flag(folder, article_prefix):
    flags = rows_of(folder, "quality_flags")
    gone = [f for f in flags if f["article_id"].startswith(article_prefix) and f["flag"] == "duplicate_headline"]
    assert len(gone) == 1
    write_rows(folder, "quality_flags", [f for f in flags if f not in gone])
    articles = rows_of(folder, "articles")
    for article in articles:
        if article["article_id"].startswith(article_prefix):
            article["quality_flags"] = [f for f in article["quality_flags"] if f != "duplicate_headline"]
    write_rows(folder, "articles", articles)
    return gone[0]["article_id"]


def _headlines(folder, article_id):
    return [s for s in rows_of(folder, "segments") if s["article_id"] == article_id and s["kind"] == "headline"]


def test_a_repeated_headline_without_its_flag_is_a_finding(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []  # the gold passes
    article_id = _drop_flag(dataset_copy, "000")
    found = findings_of(dataset_copy, CHECK)
    later = max(_headlines(dataset_copy, article_id), key=lambda s: s["start"])
    assert found == [(CHECK, later["segment_id"], "text")]


def test_a_repeat_before_the_title_without_its_flag_is_a_finding(dataset_copy):
    """002's repeat is the copy after its breadcrumb path, before the title: either segment of the
    pair is the repeat, and one of them must hold the flag."""
    article_id = _drop_flag(dataset_copy, "002")
    found = findings_of(dataset_copy, CHECK)
    assert len(found) == 1 and found[0][1] in {s["segment_id"] for s in _headlines(dataset_copy, article_id)}

