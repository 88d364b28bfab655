"""A dateline's "used once" test stays linear in the text (extract48, attack49's left item). extract47 typed
a paragraph's opening words in capitals before a dash a place only when `text.count(name) == 1`, a scan of
the whole text per dateline, and copied the text before each with `text[:start]`: 958,000 characters of
distinct `QWERTYUI — went.` lines took 13.8 s where 4.8 s before extract47. The same answers now come from
one scan of the text for every name a dateline could be (`entities._DatelineNames`)."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from landstrikes.extract import entities
from landstrikes.extract.entities import find_mentions

_LETTERS = "QWERTYUIOPASDFGHJKLZXCVBNM"


def _datelines(count: int) -> str:
    names = ("".join(p) for p in itertools.product(_LETTERS, repeat=7))
    return "".join(f"{name} — went.\n" for name in itertools.islice(names, count))


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        found = find_mentions(text)
        best = min(best, time.process_time() - started)
    assert [m.type for m in found] == ["GPE"] * text.count("\n")  # each a place named once
    return best


def test_four_times_as_many_distinct_datelines_take_about_four_times_as_long():
    find_mentions("LARCHMOUTH — went.")  # the word lists, loaded once
    small, large = _seconds(_datelines(5_000)), _seconds(_datelines(20_000))
    # linear: about 4; a count of the text per dateline made it 12 here (0.46 s against 5.4 s)
    assert large / small < 7, f"{small:.2f} s for 5,000 datelines, {large:.2f} s for 20,000"


def test_a_long_text_of_distinct_datelines_is_typed_within_seconds():
    text = _datelines(64_000)
    assert len(text) > 900_000
    started = time.process_time()
    found = find_mentions(text)
    assert len(found) == 64_000 and time.process_time() - started < 20


_PIECES = ["ABCD", "ABCD ", "ABCDE", "XABCD", "AB CD", "AAAA", "AAAAAAAA", "A", "N.C.", "ÉCOLE", "É", "LONDON", " — ", " - ",
           "--", "\n", "\n  ", "\t", " ", "&", " & ", ", Fla. ", ", Ohio ", "(Reuters) ", "'s", "’s", "-", "went.", "Lon", "x"]


@pytest.mark.parametrize("seed", range(60))
def test_every_name_a_dateline_could_be_is_counted_as_str_count_counts_it(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 80)))
    toks = entities._tokens(text)
    names = entities._DatelineNames(text, toks)
    for k, tok in enumerate(toks):
        for last in toks[k:k + 5]:
            name = text[tok.start:last.end]
            assert names.once(name) == (text.count(name) == 1), (text, name)


def test_a_dateline_written_again_inside_a_longer_word_is_no_place():
    # the count is of characters, as extract47 wrote it: `ABCDEE` is written again inside `ABCDEEE`; twelve
    # datelines, so the last ones are read off the scan, not counted one by one
    text = "".join(f"ABCD{'E' * k} — went.\n" for k in range(12))
    found = {text[m.start:m.end]: m.type for m in find_mentions(text)}
    assert [found.get(f"ABCD{'E' * k}") == "GPE" for k in range(12)] == [False] * 11 + [True]
