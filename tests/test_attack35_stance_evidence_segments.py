"""S3 (guidelines 2.23): a stance's evidence is the article's own text, never a `navigation`, `prompt`
or `advertisement` segment, whose links, prompts and ads are nobody's stance in this article (as
C12 keeps claims out of them). attack35: a000's article-voice row on foreign intervention given the
related-article link "Denmark Warns US Over Greenland" as evidence (offsets and text consistent)
validated [evidence-in-boilerplate-segment]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "evidence-in-boilerplate-segment"
A000 = "000_68b95635092649cd"
STANCE = f"{A000}:s:article:foreign-intervention"


def _moved(folder, words: str, shift_end: int = 0):
    text = next(a["text"] for a in rows_of(folder, "articles") if a["article_id"] == A000)
    stances = rows_of(folder, "stances")
    row = next(s for s in stances if s["stance_id"] == STANCE)
    start = text.index(words)
    end = start + len(words) + shift_end
    row.update(evidence_start=start, evidence_end=end, evidence_text=text[start:end])
    write_rows(folder, "stances", stances)


def test_evidence_in_a_navigation_link_is_a_finding(dataset_copy):
    _moved(dataset_copy, "Denmark Warns US Over Greenland")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, STANCE, "evidence_start")]


def test_evidence_reaching_into_the_navigation_is_a_finding(dataset_copy):
    """The navigation block's own first words, 'Prev Article'."""
    _moved(dataset_copy, "Prev Article")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, STANCE, "evidence_start")]


def test_the_gold_evidence_passes(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
