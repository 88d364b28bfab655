"""The text report tells a row whose id is null from a row whose id is spelt like its stand-in
(attack48 left it: `--json` told `<null>`/`#N` apart by `row_id_null`, the text report and the
summary line printed `row #1` for both, so a CI log could not say which row to look at)."""

from __future__ import annotations

import pandas as pd

from landstrikes.schema.report import NullId, Report


def _lines(report: Report) -> list[str]:
    return report.to_text().splitlines()


def test_a_null_id_and_an_id_spelt_as_its_stand_in_read_differently():
    null_place, spelt_place = Report("x"), Report("x")
    null_place.add("quotes", "null-in-required-column", "quote_id is null", NullId("#1"), "quote_id")
    spelt_place.add("quotes", "null-in-required-column", "quote_id is null", "#1", "quote_id")
    assert _lines(null_place)[0] != _lines(spelt_place)[0]
    assert [l for l in _lines(null_place) if "[null-in-required-column]" in l] != \
        [l for l in _lines(spelt_place) if "[null-in-required-column]" in l]


def test_a_null_id_given_as_null_and_an_id_spelt_null_read_differently():
    for null in (None, float("nan"), pd.NA):
        null_id, spelt = Report("x"), Report("x")
        null_id.add("quotes", "dangling-foreign-key", "no such article", null, "article_id", "a")
        spelt.add("quotes", "dangling-foreign-key", "no such article", "<null>", "article_id", "a")
        assert _lines(null_id)[0] != _lines(spelt)[0]


def test_a_null_row_says_its_id_is_null_and_an_ordinary_id_reads_as_before():
    report = Report("x")
    report.add("quotes", "span-text-mismatch", "text differs", NullId("#3"), "text")
    report.add("quotes", "span-text-mismatch", "text differs", "000_ab:q:1-5", "text")
    text = report.to_text()
    assert "quotes row #3 (id null) column text" in text
    assert "quotes row 000_ab:q:1-5 column text" in text
    spelt = Report("x")
    spelt.add("quotes", "span-text-mismatch", "text differs", "#3 (id null)", "text")
    assert "quotes row #3 (id null) column text" not in spelt.to_text()
