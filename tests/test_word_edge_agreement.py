"""attack8: validate's `span-splits-word` and the extractor's `inside_word` judge every edge the
same way, and where their Unicode tables differ the extractor is the stricter one, so its silver
validates on text with combining marks, spacing marks, enclosing marks and letters newer than
this Python's tables."""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa
import pytest

from landstrikes.extract.text import inside_word
from landstrikes.schema.span_words import _inside_words
from landstrikes.schema.spantext import ArticleTexts


def _validate_cuts(texts: list[str]) -> list[dict[int, bool]]:
    """Every inner edge of every text, as `span-splits-word` judges it, the texts stored back to back."""
    articles = ArticleTexts(pa.array(texts))
    out = []
    for number, text in enumerate(texts):
        at = np.arange(1, len(text), dtype=np.int64)
        cuts = _inside_words(articles, np.full(len(at), number, np.int64), at) if len(at) else np.zeros(0, bool)
        out.append(dict(zip(at.tolist(), cuts.tolist())))
    return out


def _extractor_cuts(text: str) -> dict[int, bool]:
    return {at: inside_word(text, at) for at in range(1, len(text))}


ACUTE, MAX = "\u0301", 32
EDGES = {
    "a run of marks as long as the step limit": "a" + ACUTE * MAX + "b",
    "a run of marks one longer than the step limit": "a" + ACUTE * (MAX + 1) + "b",
    "a mark at offset 0": ACUTE + "ab",
    "two marks at offset 0": ACUTE * 2 + "b",
    "a mark after a digit": "5" + ACUTE + "a",
    "a mark after a space": "a " + ACUTE + "b",
    "a mark after a comma": "a," + ACUTE + "b",
    "a mark after an em dash": "a\u2014" + ACUTE + "b",
    "a mark after a no-break space": "a\u00a0" + ACUTE + "b",
    "a mark after a letter newer than this Python": "\ua7cb" + ACUTE + "b",
    "an enclosing mark (Me)": "a\u20ddb",
    "a spacing mark (Mc, Devanagari vowel sign)": "\u0915\u093f\u0915",
    "a variation selector (Mn)": "a\ufe0fb",
    "a supplementary variation selector (Mn)": "a\U000e0100b",
    "a zero width joiner (Cf, no mark)": "a\u200db",
    "a mark after a CRLF": "a\r\n" + ACUTE + "b",
    "a text ending in a mark": "ab" + ACUTE,
    "a mark after a superscript two (No)": "\u00b2" + ACUTE + "a",
}


def test_validate_and_the_extractor_judge_every_edge_of_hostile_mark_runs_the_same():
    texts = list(EDGES.values())
    judged = _validate_cuts(texts)
    disagree = {name: {at: (inside_word(text, at), seen[at]) for at in seen if inside_word(text, at) != seen[at]}
                for (name, text), seen in zip(EDGES.items(), judged)}
    assert {name: edges for name, edges in disagree.items() if edges} == {}


def test_a_mark_at_an_articles_first_byte_never_joins_the_article_before_it():
    """Back to back in one buffer: the second article's leading marks have no letter under them."""
    texts = ["abc", ACUTE + "d", "x" + ACUTE * 40 + "y", ACUTE * 5 + "q"]
    assert _validate_cuts(texts) == [_extractor_cuts(t) for t in texts]
    assert _validate_cuts(texts)[1] == {1: False}


def test_where_the_unicode_tables_differ_the_extractor_is_the_stricter_side():
    """A mark this Python's tables (Unicode 14) do not know, such as Kawi's U+11F00 (Unicode 15),
    is unassigned here: the extractor counts it a word character, so it drops a span that ends
    there and validate, which calls it neither letter nor mark, never sees one."""
    texts = [f"a{chr(c)}b" for c in (0x11F00, 0x11F5A, 0x1E4EC, 0xA7CB, 0x0301, 0x093F)]
    for text, seen in zip(texts, _validate_cuts(texts)):
        assert all(inside_word(text, at) for at in seen if seen[at]), ascii(text)


@pytest.mark.xfail(strict=True, reason="attack8, open: validate's combining marks are Python 3.11's (Unicode 14); "
                   "a mark added in Unicode 15/16 (Kawi U+11F00) is no mark and no letter there, so a hand-made span "
                   "that ends before it is passed. Arrow exposes no general category to ask instead")
def test_validate_flags_a_span_that_ends_before_a_mark_newer_than_this_python():
    assert unicodedata.category("\U00011F00") == "Cn"
    assert _validate_cuts(["a\U00011F00b"]) == [{1: True, 2: True}]


@pytest.mark.parametrize("glue", ["\ua7cb", "\u0915\u093f", ACUTE], ids=["newer letter", "spacing mark", "combining acute"])
def test_reported_speech_before_according_to_glued_to_a_word_is_not_cut_and_the_silver_validates(glue, tmp_path):
    """attack8: `... at risk` + glue + `according to a report.`: `according to`'s \\b follows this
    Python's \\w, which neither a mark nor a newer letter is, so the reported clause before it ended
    inside the word `risk`+glue+`according` and validate refused the silver (span-splits-word)."""
    from landstrikes.cli import main
    from landstrikes.extract.article import extract_article

    text = f"Analysts warned that about $2 billion in trade could be at risk{glue}according to a report.\n"
    quotes = extract_article("t", text)["quotes"]
    assert [(q["start"], q["end"]) for q in quotes if inside_word(text, q["start"]) or inside_word(text, q["end"])] == []
    assert any(q["kind"] == "indirect" for q in extract_article("t", text.replace(glue, " "))["quotes"])
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "glued.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 0
    assert main(["validate", str(tmp_path / "out")]) == 0
