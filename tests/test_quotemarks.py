"""The quotation-mark scanner behind the coverage check (guideline Q2)."""

from hypothesis import given
from hypothesis import strategies as st

from landstrikes.quotemarks import scan_quote_marks


def quoted(text):
    pairs, strays = scan_quote_marks(text)
    return [text[p.open + 1 : p.close] for p in pairs], [s.position for s in strays]


def test_curly_and_straight_pairs():
    assert quoted('He said “go now” and "stop".') == (["go now", "stop"], [])


def test_nested_single_quotes_inside_double():
    text = "“I’ve asked her, ‘Would you?’ And she says no,” Trump said."
    assert quoted(text)[0] == ["I’ve asked her, ‘Would you?’ And she says no,", "Would you?"]


def test_apostrophes_are_not_marks():
    assert quoted("It’s the nations' affairs and Fox News’ host, don't.") == ([], [])


def test_straight_single_quotes_pair():
    assert quoted("a 'negotiation weapon' to secure") == (["negotiation weapon"], [])


def test_unmatched_closing_mark_is_a_stray():
    text = "BBC.\n\nConsent.”\n"
    assert quoted(text) == ([], [text.index("”")])


def test_quotes_never_cross_paragraphs():
    text = "“open\nclose”"
    assert quoted(text) == ([], [0, text.index("”")])


MARKY = st.text(alphabet=st.sampled_from(list("ab ’'‘“”\"\n.")), max_size=60)


@given(MARKY)
def test_every_pair_is_ordered_and_every_mark_is_used_once(text):
    pairs, strays = scan_quote_marks(text)
    positions = [p.open for p in pairs] + [p.close for p in pairs] + [s.position for s in strays]
    assert len(positions) == len(set(positions))
    for p in pairs:
        assert p.open < p.close and "\n" not in text[p.open : p.close]
    for pos in positions:
        assert text[pos] in "’'‘“”\""
    double_marks = [pos for pos, ch in enumerate(text) if ch in "“”\""]
    assert all(pos in positions for pos in double_marks)  # a double mark is never silently ignored
