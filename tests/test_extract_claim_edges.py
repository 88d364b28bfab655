"""A claim the extractor cuts at its length cap (a sentence longer than MAX_SPAN, such as a price
list) starts and ends at word boundaries (S5): 5 of 5,821 real claims were cut inside a word."""

from __future__ import annotations

import pytest

from landstrikes.extract.claims import find_claims
from landstrikes.extract.limits import MAX_SPAN


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def test_claims_in_a_sentence_longer_than_the_cap_end_and_start_at_word_boundaries():
    items = " ".join(f"{n} widgets (${60 + n % 30} each) plus gadgets" for n in range(2, 80))
    text = f"The menu lists {items} for the whole table tonight."
    assert len(text) > 2 * MAX_SPAN
    claims = find_claims(text)
    assert claims
    cut = [(c.start, c.end) for c in claims if _inside_word(text, c.start) or _inside_word(text, c.end)]
    assert cut == []


def test_every_offset_of_the_cap_gives_word_boundaries():
    """Shift the quantity so the cap falls at every position inside a long word."""
    for pad in range(0, 12):
        text = "Word " * 30 + "x" * pad + " " + "Supercalifragilistic " * 60 + "about 35 boats sank " + "Extraordinarily " * 80 + "today."
        for c in find_claims(text):
            assert not _inside_word(text, c.start) and not _inside_word(text, c.end), (pad, c)


def _cut_as_validate_judges(text: str, spans) -> list[tuple[int, int]]:
    """Spans (claims, or (start, end) pairs) `span-splits-word` would flag: letters or digits on both sides of a boundary, by
    Arrow's Unicode tables (validate's), which are newer than this Python's."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def inside(at: int) -> bool:
        return 0 < at < len(text) and all(pc.utf8_is_alnum(pa.array([text[at - 1], text[at]])).to_pylist())
    pairs = [(c.start, c.end) if hasattr(c, "start") else c for c in spans]
    return [(start, end) for start, end in pairs if inside(start) or inside(end)]


NEWER_LETTER = "\ua7cb"
"""A letter since Unicode 16: unassigned for Python 3.11's `str.isalnum`, a letter for Arrow."""


def test_a_claim_is_not_cut_inside_a_word_of_letters_newer_than_pythons_unicode_tables():
    """attack6: the cap fell inside a run of U+A7CB and the walk to a word start saw no letter there:
    the extracted claim was span-splits-word, so the silver did not validate."""
    import pyarrow as pa
    import pyarrow.compute as pc

    assert not NEWER_LETTER.isalnum() and pc.utf8_is_alnum(pa.array([NEWER_LETTER])).to_pylist() == [True]
    for text in ("The report found " + NEWER_LETTER * 1500 + " 40 percent of the funds were spent on fuel.",
                 "Costs rose " + NEWER_LETTER * 5 + "40 percent in the north, the agency said.",
                 "Costs rose 40 percent" + NEWER_LETTER * 1500 + " in the north."):
        assert _cut_as_validate_judges(text, find_claims(text)) == []


def test_a_text_without_spaces_finds_claims_at_word_boundaries_in_linear_time():
    """No space at all, a 50 KB word around the quantity, letters with combining marks, other digits."""
    import time

    for word in ("x" * 50_000, "e\u0301" * 25_000, "\u0663" * 50_000, "日本" * 25_000):
        for text in (word + " 40 percent of the funds were spent." + word, word + "40 percent" + word,
                     ("Costs rose 40 percent," + word) * 3):
            began = time.monotonic()
            claims = find_claims(text)
            assert time.monotonic() - began < 10, (word[:2], len(text))
            assert _cut_as_validate_judges(text, claims) == []


def test_a_quote_cue_is_never_cut_inside_a_word_of_letters_newer_than_pythons_unicode_tables():
    """`landstrikes extract` wrote a cue "said" out of "said" + U+A7CB and validate refused the
    silver (attack6): such a "cue" is part of a longer word, so the row has none, and the silver
    validates. An ordinary cue beside it is kept."""
    import tempfile
    from pathlib import Path

    from landstrikes.cli import main
    from landstrikes.extract.article import extract_article

    glued = '"It is done," said' + NEWER_LETTER + ' Tom Hale to reporters.\n'
    plain = '"It is done," said Tom Hale to reporters.\n'
    for text in (glued, plain):
        cues = [(q["cue_start"], q["cue_end"]) for q in extract_article("t", text)["quotes"] if q["cue_start"] is not None]
        assert _cut_as_validate_judges(text, cues) == []
    assert [q["cue_text"] for q in extract_article("t", plain)["quotes"]] == ["said"]
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw"
        raw.mkdir()
        (raw / "glued.txt").write_text(glued, encoding="utf-8")
        assert main(["extract", str(raw), "--out", str(Path(folder) / "out")]) == 0
        assert main(["validate", str(Path(folder) / "out")]) == 0


def test_a_pronoun_mention_is_not_cut_inside_a_word_of_letters_newer_than_pythons_unicode_tables():
    from landstrikes.extract.article import extract_article

    text = 'Anna Berg spoke on Monday. "It will never work," she' + NEWER_LETTER + ' said.\n'
    mentions = [(m["start"], m["end"]) for m in extract_article("t", text)["mentions"] if m["kind"] != "NAME"]
    assert _cut_as_validate_judges(text, mentions) == []


@pytest.mark.parametrize("glued", [
    'Anna Berg spoke on Monday. "It will never work," she' + NEWER_LETTER + ' said.\n',
    'Anna Berg' + NEWER_LETTER + ' spoke on Monday. "It will never work," Anna Berg' + NEWER_LETTER + ' said.\n',
    NEWER_LETTER + 'Anna Berg spoke on Monday.\n',
])
def test_no_mention_of_any_kind_is_cut_and_the_silver_validates(glued, tmp_path):
    """Names, pronouns and nominals glued to a letter newer than this Python's tables are part of
    a longer word: no mention is cut there, no quote keeps one as its speaker, and the silver of
    such a text validates. The same text without the glue keeps its mentions."""
    from landstrikes.cli import main
    from landstrikes.extract.article import extract_article

    rows = extract_article("t", glued)
    assert _cut_as_validate_judges(glued, [(m["start"], m["end"]) for m in rows["mentions"]]) == []
    plain = glued.replace(NEWER_LETTER, "")
    assert any(m["text"] == "Anna Berg" for m in extract_article("t", plain)["mentions"])
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "glued.txt").write_text(glued, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 0
    assert main(["validate", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("glued", [
    '"This will end badly," security ' + NEWER_LETTER + 'analysts said.\n',
    '"This will end badly," security analysts' + NEWER_LETTER + ' said.\n',
    NEWER_LETTER + 'Critics say the plan is "doomed from the start".\n',
])
def test_an_unnamed_speakers_words_are_not_cut_and_the_silver_validates(glued, tmp_path):
    """attack7: an unnamed group's phrase glued to a letter newer than this Python's tables was
    written as the speaker words and validate refused the silver (`span-splits-word`): the row
    keeps no speaker words there. The same text without the glue keeps them."""
    from landstrikes.cli import main
    from landstrikes.extract.article import extract_article

    quotes = extract_article("t", glued)["quotes"]
    assert _cut_as_validate_judges(glued, [(q["speaker_start"], q["speaker_end"]) for q in quotes if q["speaker_start"] is not None]) == []
    plain = glued.replace(NEWER_LETTER, "")
    assert any(q["speaker_text"] for q in extract_article("t", plain)["quotes"])
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "glued.txt").write_text(glued, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 0
    assert main(["validate", str(tmp_path / "out")]) == 0


def test_a_mention_does_not_end_before_a_combining_mark_on_its_last_letter():
    """attack7: 'Berg' + U+0301 is one word (UAX #29 WB4: no boundary before a combining mark)."""
    from landstrikes.extract.article import extract_article

    text = 'Anna Berg\u0301 spoke on Monday. "It will never work," she\u0301 said.\n'
    mentions = extract_article("t", text)["mentions"]
    assert [m["text"] for m in mentions if m["end"] < len(text) and text[m["end"]] == "\u0301"] == []


def test_validate_and_the_extractor_agree_a_combining_mark_belongs_to_the_word_before_it(tmp_path):
    """One word definition on both sides: an edge before an accent written as its own code point,
    or after an accented letter when a letter follows, cuts the word; an edge after the accented
    word's last mark, before a space, does not."""
    from landstrikes.extract.text import inside_word

    text = "Anna Berg\u0301 and Le\u0301on\u0300\u0301 met.\n"
    edges = {at: inside_word(text, at) for at in range(1, len(text))}
    assert all(edges[at] for at in (9, 17, 18, 20, 21)) and not any(edges[at] for at in (4, 10, 14, 22))
    assert _validate_cuts(text) == edges


def _validate_cuts(text: str) -> dict[int, bool]:
    """Every inner boundary of `text` as validate's span-splits-word judges it (its own function)."""
    import numpy as np
    import pyarrow as pa

    from landstrikes.schema.span_words import _inside_words
    from landstrikes.schema.spantext import ArticleTexts

    at = np.arange(1, len(text), dtype=np.int64)
    cuts = _inside_words(ArticleTexts(pa.array(["x y", text])), np.ones(len(at), np.int64), at)
    return dict(zip(at.tolist(), cuts.tolist()))
