"""A repeated headline made of nothing but stops (`...`, `!!!`, `?`, `…`, `,`) can hold no
`duplicate_headline` flag: a flag's evidence never ends on final punctuation or a clause stop
(G2, `flag-evidence-final-punctuation`), so the extractor writes none there ("a block of nothing
but stops proves nothing"). attack41's `repeated-headline-not-flagged` asked for one anyway:
`extract` of such a text, then `validate` of its own output, was INVALID (attack43; VALID before
attack41). A repeat with a word in it still needs its flag."""

from __future__ import annotations

import pytest

from landstrikes.cli import main
from landstrikes.schema import validate

CHECK = "repeated-headline-not-flagged"
BODY = "Officials said the strikes were lawful and targeted on Tuesday.\n"


def _extracted_and_validated(tmp_path, text: str):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 0
    return validate(tmp_path / "out")


@pytest.mark.parametrize("headline", ["...", "!!!", "?", "\u2026", ",", "?!"])
def test_extract_output_with_a_headline_of_stops_repeated_is_valid(tmp_path, headline):
    report = _extracted_and_validated(tmp_path, f"{headline}\n{headline}\n{BODY}")
    assert [f for f in report.findings if f.check == CHECK] == []
    assert report.ok, [(f.check, f.row_id) for f in report.findings]


def test_a_repeated_headline_with_a_word_still_needs_its_flag(dataset_copy):
    """The exemption is the stops-only headline's alone: 000's flag row deleted with its list item
    is still found (attack41's test, shortened)."""
    from attack25_tools import findings_of, rows_of, write_rows

    flags = rows_of(dataset_copy, "quality_flags")
    gone = [f for f in flags if f["article_id"].startswith("000") and f["flag"] == "duplicate_headline"]
    write_rows(dataset_copy, "quality_flags", [f for f in flags if f not in gone])
    articles = rows_of(dataset_copy, "articles")
    for article in articles:
        if article["article_id"].startswith("000"):
            article["quality_flags"] = [f for f in article["quality_flags"] if f != "duplicate_headline"]
    write_rows(dataset_copy, "articles", articles)
    assert len(findings_of(dataset_copy, CHECK)) == 1
