"""Case-blind rules match İ ı ſ K (Kelvin) as ASCII letters, so what they matched must be looked
up by its ASCII key: 'thousandſ' raised KeyError in the quantity table (the article became a
failure row) and 'mıllion' lost its scale (extract-layers' notes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from landstrikes.extract.article import extract_article
from landstrikes.extract.text import match_key

TWINS = {"s": "\u017f", "i": "\u0131", "k": "\u212a"}
SENTENCES = [
    "Officials said thousands of people left, and tens of thousands more stayed.",
    "It cost five million dollars, at least 30 percent more than in 2024.",
    "Hundreds of thousands of residents fled; as many as 3 billion euros were lost.",
    "\"We will go,\" said the minister, adding that six thousand troops were ready.",
]


def _twinned(text: str, which: list[bool]) -> str:
    out, k = [], 0
    for ch in text:
        if ch in TWINS:
            out.append(TWINS[ch] if which[k % len(which)] else ch)
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def test_match_key_maps_every_twin_onto_its_ascii_letter():
    assert match_key("thousand\u017f") == "thousands"
    assert match_key("m\u0131llion") == "million"
    assert match_key("\u0130T") == "it"
    assert match_key("\u212a") == "k"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SENTENCES), st.lists(st.booleans(), min_size=1, max_size=8))
def test_letters_spelled_with_their_case_fold_twins_never_break_an_article(sentence, which):
    text = _twinned(sentence, which)
    rows = extract_article("a", text, "a.txt")
    assert rows["articles"][0]["text"] == text


@pytest.mark.parametrize("twinned, plain", [("thousand\u017f", "thousands"), ("m\u0131llion", "million")])
def test_a_twinned_quantity_word_means_what_the_plain_one_means(twinned, plain):
    def quantities(text):
        return [(c["quantity_low"], c["quantity_high"]) for c in extract_article("a", text, "a.txt")["claims"]]

    assert quantities(f"Officials said 5 {twinned} people left.") == quantities(f"Officials said 5 {plain} people left.")
