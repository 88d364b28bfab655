"""The quotation-mark scanner behind the coverage check (guideline Q2)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.quotemarks import (
    _MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSERS, SINGLE_OPEN, STRAIGHT_DOUBLE, MarkPair, StrayMark, scan_quote_marks,
)


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


def rules_by_stack_search(text):
    """Guideline Q2 written plainly: "is a mark of this family open?" searches the whole stack
    (quadratic on a text of nothing but marks). The scanner's counts must give the same answer."""
    pairs, strays, stack, last = [], [], [], 0

    def close(family, pos):
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == family:
                strays.extend(StrayMark(inner, True) for _, inner in stack[depth + 1 :])
                pairs.append(MarkPair(stack[depth][1], pos))
                del stack[depth:]
                return
        strays.append(StrayMark(pos, False))

    for match in _MARKS.finditer(text):
        pos = match.start()
        if stack and text.find("\n", last, pos) != -1:
            strays.extend(StrayMark(p, True) for _, p in stack)
            stack.clear()
        last = pos
        ch, prev, nxt = text[pos], text[pos - 1 : pos], text[pos + 1 : pos + 2]
        if ch == DOUBLE_OPEN:
            stack.append(("double", pos))
        elif ch == DOUBLE_CLOSE:
            close("double", pos)
        elif ch == STRAIGHT_DOUBLE:
            if stack and stack[-1][0] == "straight":
                pairs.append(MarkPair(stack.pop()[1], pos))
            elif any(f == "straight" for f, _ in stack):
                close("straight", pos)
            else:
                stack.append(("straight", pos))
        elif ch == SINGLE_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum()):
            stack.append(("single", pos))
        elif ch in SINGLE_CLOSERS:
            if prev.isalnum() and nxt.isalnum():
                continue
            if any(f == "single" for f, _ in stack) and not nxt.isalnum():
                close("single", pos)
    strays.extend(StrayMark(p, True) for _, p in stack)
    return sorted(pairs, key=lambda p: p.open), sorted(strays, key=lambda s: s.position)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(['“', '”', '"', "‘", "’", "'", "a", " ", "\n", "."]), max_size=60))
def test_counting_scan_gives_what_the_stack_search_rules_give(text):
    assert scan_quote_marks(text) == rules_by_stack_search(text)
