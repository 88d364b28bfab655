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
