"""The speed-ups of issue 17 change no result: each faster form equals the plain definition it
replaced, on generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.extract.entities import _TOKEN, _sentence_starts, _used_lower

PIECES = list("ab Z.,!?:;\n\r\t\u00a0“\"‘(•·▪–—-”’)'") + ["Word", "The", "the", " ", "  ", "don't", "it’s"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def after_sentence_break(text: str, start: int) -> bool:
    """The definition: walk back over blanks; a text/line start, an opening quote, bracket, bullet
    or dash, or sentence punctuation (possibly behind a closing mark) followed by a blank."""
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return True
    c = text[j]
    if c in "\n\r“\"‘(•·▪–—-":
        return True
    if c in "”’)" and j > 0:
        c = text[j - 1]
    return c in ".!?:;" and j < start - 1


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentence_starts_from_one_scan_equal_the_backwards_walk(text):
    starts = _sentence_starts(text)
    for m in _TOKEN.finditer(text):
        assert (m.start() in starts) == after_sentence_break(text, m.start())


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["the", "word", "don", "t", "it"]))
def test_lower_case_use_is_the_whole_word_check_of_the_old_word_set(text, word):
    import re

    lowered = set(re.findall(r"(?<![\w’'‑-])[^\W\d_A-Z][\w’'‑-]*", text))
    assert _used_lower(text, word, {}) == (word in lowered)


# --- regex first-character guards (landstrikes.extract.guard) -----------------------------------

import re  # noqa: E402

import landstrikes.extract.run  # noqa: E402,F401  (imports every extract module, so every guard is made)
from landstrikes.extract.guard import PLAIN_AND_GUARDED, guarded  # noqa: E402

_WORDS = sorted({w for plain, _ in PLAIN_AND_GUARDED for w in re.findall(r"[A-Za-z]+", plain.pattern)})
GUARD_PIECES = _WORDS + list(" ,.;:!?\n'’\"“”-‑$€£%()") + ["1", "12", "1,000", "2005", "٣", "of", "the", "said", "ſ", "K", "İ", "ı", "Ǆ", "ǅ", "é", "É", "U.S.", "  "]
GUARD_TEXT = st.lists(st.sampled_from(GUARD_PIECES), max_size=30).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))


def _found(rx: re.Pattern, text: str, pos: int, endpos: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]


def test_the_extractor_has_its_guarded_regexes():
    assert len(PLAIN_AND_GUARDED) >= 10


@settings(max_examples=400, deadline=None)
@given(GUARD_TEXT, st.integers(0, 8), st.integers(0, 8))
def test_every_guarded_regex_finds_exactly_what_its_plain_form_finds(text, cut_start, cut_end):
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for plain, fast in PLAIN_AND_GUARDED:
        assert _found(fast, text, 0, len(text)) == _found(plain, text, 0, len(text)), plain.pattern[:60]
        assert _found(fast, text, pos, endpos) == _found(plain, text, pos, endpos), plain.pattern[:60]
        first = plain.search(text, pos, endpos)
        again = fast.search(text, pos, endpos)
        assert (first and (first.span(), first.groups())) == (again and (again.span(), again.groups()))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_guarded_regexes_agree_on_arbitrary_unicode(text):
    for plain, fast in PLAIN_AND_GUARDED:
        assert _found(fast, text, 0, len(text)) == _found(plain, text, 0, len(text)), plain.pattern[:60]


def test_a_regex_whose_first_character_cannot_be_read_off_stays_plain():
    for pattern in ("a*", "(?:x|)y?", ".b", "(?i:x)y", "(?=a)?", "[^x]?"):
        rx = re.compile(pattern)
        assert guarded(rx) is rx, pattern
    assert guarded(re.compile(r"\bsaid\b|told")).pattern.startswith("(?=[st])")
    assert guarded(re.compile(r"(a)\1")).match("aa").group(1) == "a"  # groups keep their numbers
