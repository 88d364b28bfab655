"""`spaced_variants` gives every spelling of an alias with each space replaced by " " or one of the
separators, in the order of `itertools.product(choices, repeat=spaces)` (the last space varies
fastest), or None past MAX_SPACED_VARIANTS: the plain definition below, on generated aliases
(cispeed10 joins each word to each separator once instead of per spelling)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.aliasscan import MAX_SPACED_VARIANTS, spaced_variants


def plain(alias: str, separators: list[str]) -> list[str] | None:
    parts = alias.split(" ")
    choices = [" ", *separators]
    combos = list(itertools.product(choices, repeat=len(parts) - 1))
    if len(combos) > MAX_SPACED_VARIANTS:
        return None
    return ["".join(p + s for p, s in zip(parts, (*combo, ""))) for combo in combos]


def test_two_spaces_and_one_separator_give_four_spellings_the_last_space_first():
    assert spaced_variants("Pete B Hegseth", ["\u00a0"]) == [
        "Pete B Hegseth", "Pete B\u00a0Hegseth", "Pete\u00a0B Hegseth", "Pete\u00a0B\u00a0Hegseth"]


def test_an_alias_without_a_space_is_its_one_spelling():
    assert spaced_variants("Hegseth", ["\u00a0", "-"]) == ["Hegseth"]


def test_more_spellings_than_the_cap_are_none():
    alias = " ".join("w" * 13)  # 12 spaces, 2 choices: 4,096 spellings, the cap
    assert len(spaced_variants(alias, ["-"])) == MAX_SPACED_VARIANTS
    assert spaced_variants(alias + " w", ["-"]) is None


words = st.text(alphabet=st.sampled_from(["a", "é", "\u00a0", "-", "\n", "B"]), max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=7),
       st.lists(st.sampled_from(["\u00a0", "-", "\n", "\u2009", "", "--", " "]), max_size=4))
def test_spellings_are_the_plain_definitions(parts, separators):
    alias = " ".join(parts)
    assert spaced_variants(alias, separators) == plain(alias, separators)
