"""attack15: G2, spans without marks exclude the sentence's final punctuation. An indirect quote
widened onto its full stop (id re-derived, children re-pointed) validated.
`indirect-span-final-punctuation`."""

from __future__ import annotations

import pytest

from conftest import load, save
from landstrikes.schema.validate import validate


def _widen(folder, kind):
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    quotes = load(folder, "quotes")
    for i, row in quotes[quotes.kind == kind].iterrows():
        end = int(row.end)
        if text[row.article_id][end:end + 1] == ".":
            new = f"{row.article_id}:q:{int(row.start)}-{end + 1}"
            quotes.loc[i, ["end", "text", "quote_id"]] = [end + 1, text[row.article_id][int(row.start):end + 1], new]
            quotes.loc[quotes.parent_quote_id == row.quote_id, "parent_quote_id"] = new
            save(folder, "quotes", quotes)
            return validate(folder), new
    pytest.skip(f"no {kind} quote before a full stop")


def test_an_indirect_quote_ending_on_its_full_stop_is_a_finding(dataset_copy):
    report, quote_id = _widen(dataset_copy, "indirect")
    assert {f.check for f in report.findings} == {"indirect-span-final-punctuation"}, report.to_text()
    assert quote_id in report.to_text() and "(G2)" in report.to_text()


def test_quoted_words_keep_their_full_stop(dataset_copy):
    """A direct quote's span is what its marks enclose, a full stop before the closing mark included."""
    quotes = load(dataset_copy, "quotes")
    assert quotes[quotes.kind == "direct"].text.str.endswith(".").any()
    assert validate(dataset_copy).ok


def test_a_stop_the_sentence_goes_on_after_ends_an_abbreviation(tmp_path):
    """The extractor keeps the stop of `Blvd.` or `D.C.` inside a sentence that goes on (`, the
    people said`, `and ...`): that stop is no final punctuation, and its silver validates."""
    from landstrikes.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "offices.txt").write_text(
        "Offices move\n\nThe new offices are at 1200 and 1900 Harbour Blvd., the people said.\n\n"
        "The agency said its staff would work from Washington, D.C. and two other cities.\n", encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    quotes = load(tmp_path / "silver", "quotes")
    assert quotes[quotes.kind == "indirect"].text.str.endswith(".").any()
    report = validate(tmp_path / "silver")
    assert report.ok, report.to_text()


@pytest.mark.parametrize("blanks", ["\u00a0", " " * 6, "\t" * 5, "\u3000"])
def test_any_blank_run_before_the_comma_still_goes_on(tmp_path, blanks):
    """The extractor's preposed report keeps `Inc.` before the comma whatever blanks stand between
    (`trimmed` takes every space, a no-break space too): the check reads past the whole run on the
    line, not four spaces or tabs, or the extractor's own silver fails validate (review15)."""
    from landstrikes.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "offices.txt").write_text(
        f"Offices move\n\nThe new offices were bought by the firm Acme Holdings Inc.{blanks}, the people said.\n", encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    quotes = load(tmp_path / "silver", "quotes")
    assert quotes[quotes.kind == "indirect"].text.str.endswith("Inc.").any()
    report = validate(tmp_path / "silver")
    assert report.ok, report.to_text()


def _extract(tmp_path, text):
    from landstrikes.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "talks.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    return tmp_path / "silver"


def test_an_ellipsis_ending_the_sentence_is_final_punctuation(tmp_path):
    """G2: `…` closing a sentence is its final punctuation like `.`: the extractor kept it in an
    indirect span (`said the deal would close soon…`), and the check let a span widened onto it
    pass (review15). The extractor's span now stops before it, and one widened onto it is a finding."""
    silver = _extract(tmp_path, "Talks\n\nHe said the deal would close soon\u2026\n\nShe left.\n")
    quotes = load(silver, "quotes")
    assert list(quotes[quotes.kind == "indirect"].text) == ["the deal would close soon"]
    assert validate(silver).ok
    row = quotes.index[quotes.kind == "indirect"][0]
    start, end = int(quotes.start[row]), int(quotes.end[row]) + 1
    new = f"{quotes.article_id[row]}:q:{start}-{end}"
    quotes.loc[row, ["end", "text", "quote_id", "cluster_id"]] = [end, "the deal would close soon\u2026", new, new]
    save(silver, "quotes", quotes)
    report = validate(silver)
    assert {f.check for f in report.findings} == {"indirect-span-final-punctuation"}, report.to_text()
