"""S3 (2.41), as C10 for claims: a repeat of the headline (flagged `duplicate_headline`) is not
annotated, so no stance's evidence lies in it; the headline's own words are the evidence, at their
first occurrence. attack55 moved a stance's evidence into a flagged repeat: VALID
[evidence-in-repeated-headline]. The gold keeps it (no evidence overlaps a repeat)."""

from __future__ import annotations

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "evidence-in-repeated-headline"
A000 = "000_68b95635092649cd"


def _evidence_moved_into_the_repeat(folder, words: str) -> dict:
    """a000's Trump row on land strikes given `words` of the flagged repeat of its headline as evidence."""
    text = next(a["text"] for a in rows_of(folder, "articles") if a["article_id"] == A000)
    repeat = next(f for f in rows_of(folder, "quality_flags") if f["article_id"] == A000 and f["flag"] == "duplicate_headline")
    start = text.index(words, repeat["start"])
    assert start + len(words) <= repeat["end"]
    stances = rows_of(folder, "stances")
    row = next(s for s in stances if s["stance_id"] == f"{A000}:s:donald-trump:land-strikes-mexico")
    row["evidence_start"], row["evidence_end"], row["evidence_text"] = start, start + len(words), words
    write_rows(folder, "stances", stances)
    return row


def test_evidence_in_a_flagged_repeat_of_the_headline_is_a_finding(dataset_copy):
    row = _evidence_moved_into_the_repeat(dataset_copy, "Trump Signals Land Strikes Against Mexico’s Drug Cartels")
    assert findings_of(dataset_copy) == [(CHECK, row["stance_id"], "evidence_start")]


def test_the_same_words_in_the_headline_itself_pass(dataset_copy):
    stances = rows_of(dataset_copy, "stances")
    row = next(s for s in stances if s["stance_id"] == f"{A000}:s:donald-trump:land-strikes-mexico")
    words = "Trump Signals Land Strikes Against Mexico’s Drug Cartels"
    text = next(a["text"] for a in rows_of(dataset_copy, "articles") if a["article_id"] == A000)
    start = text.index(words)  # the first line: the headline
    row["evidence_start"], row["evidence_end"], row["evidence_text"] = start, start + len(words), words
    write_rows(dataset_copy, "stances", stances)
    assert findings_of(dataset_copy, CHECK) == []


def test_no_gold_evidence_lies_in_a_repeated_headline(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
