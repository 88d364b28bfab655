"""`evaluate`'s per-article table is one line per article, whatever its id holds (attack19).

An extracted article is named after its raw file, and a file name may hold a line break. With one
silver folder as the other's `--gold` (README: "silver against another silver"), the article's
row of the per-article table was split over two lines, the second one of the id's choosing.
"""

from __future__ import annotations

from landstrikes.evaluate import to_text

FIGURES = {"gold": 1, "predicted": 1, "overlap": {"precision": 1.0, "recall": 1.0, "f1": 1.0}}


def _result(article_id: str) -> dict:
    layer = {**FIGURES, "exact": FIGURES["overlap"]}
    return {"layers": {"quotes": layer}, "per_article": {article_id: {name: FIGURES for name in
                                                                       ("quotes", "mentions", "claims", "segments")}}}


def test_an_article_id_holding_a_line_break_stays_on_its_row():
    text = to_text(_result("002_b\nforged line\u2028and\x85more"))
    rows = text.splitlines()
    assert rows[-1].startswith("002_b\\nforged line\\u2028and\\x85more ")
    assert len(rows) == 5  # layer header, quotes, a blank line, article header, the article


def test_an_ordinary_article_id_is_shown_as_it_is():
    assert to_text(_result("001_ap")).splitlines()[-1].startswith("001_ap ")
