"""The quotation-mark scanner behind the coverage check (guideline Q2)."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.quotemarks import (
    _MARKS, BLANKS, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSERS, SINGLE_OPEN, STRAIGHT_DOUBLE, MarkPair, StrayMark, scan_quote_marks,
)
from landstrikes.schema.caption_lines import captions_only, open_paragraph_end


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


# --- continued quotations (Q2): one opening mark per paragraph, one closing mark at the end ---


def test_quotation_continued_over_paragraphs_pairs_each_paragraph_with_its_words():
    text = "She said: “We will build it.\n\n“It will take years.\n\n“Then we rest.”"
    assert quoted(text) == (["We will build it.", "It will take years.", "Then we rest."], [])


def test_continued_paragraphs_may_change_between_curly_and_straight_marks():
    text = "He said: \"First part.\n\n“Second part.\n\n\"Third part.\""
    assert quoted(text) == (["First part.", "Second part.", "Third part."], [])


def test_continued_single_quoted_paragraphs():
    text = "He said: 'First part.\n\n'Second part.'"
    assert quoted(text) == (["First part.", "Second part."], [])


def test_elided_word_is_not_continued_by_a_double_quoted_paragraph():
    text = "Back in the 'Nineties it was big.\n\n\"We loved it.\""
    assert quoted(text) == (["We loved it."], [text.index("'")])


def test_an_elided_decade_is_an_apostrophe_not_an_opening_mark():
    """Q2: `the '90s` opens nothing, so it is no orphan, and the next plural possessive does not
    close it into a quotation of words nobody quoted."""
    assert quoted("Back in the '90s it was big.") == ([], [])
    assert quoted("In the ‘70s, the growers' union grew.") == ([], [])
    assert quoted("The mid-'80s 'boom' ended.") == (["boom"], [])


def test_a_decade_elision_is_exactly_two_ascii_digits_and_an_s_between_non_words():
    """A year (`class of '83`), three digits, other digits or a longer word stay marks as before."""
    for text in ("class of '83 met", "the '900s", "the '९०s", "the '90son", "the '9s"):
        assert quoted(text)[1], text  # an opening mark left open: an orphan, as Q2 says


def test_a_real_quotation_of_a_number_still_pairs():
    assert quoted("he is '75 per cent' sure") == (["75 per cent"], [])


def test_a_decade_at_a_line_start_does_not_continue_a_single_quotation():
    text = "He said: 'First part.\n'90s were good."
    assert quoted(text) == ([], [text.index("'")])


def test_continued_paragraph_ends_before_trailing_blanks():
    text = "“One two.  \r\n\r\n\"Three.\""
    assert quoted(text) == (["One two.", "Three."], [])


def test_unclosed_paragraph_before_an_unquoted_one_stays_a_stray():
    text = "“Open words.\n\nPlain words. “Next.”"
    assert quoted(text) == (["Next."], [0])


def test_a_line_of_other_words_between_breaks_the_continuation():
    text = "“Open words.\nPlain line.\n“Next.”"
    assert quoted(text) == (["Next."], [0])


def test_only_the_outermost_open_mark_continues_to_the_next_paragraph():
    text = "“Outer ‘inner words.\n\n“Next.”"
    assert quoted(text) == (["Outer ‘inner words.", "Next."], [text.index("‘")])


def test_an_opening_mark_with_no_words_before_the_next_paragraph_stays_a_stray():
    text = "He said “\n\n“Next.”"
    assert quoted(text) == (["Next."], [text.index("“")])


def test_straight_mark_after_a_blank_opens_a_new_quotation_inside_a_paragraph():
    text = '"We won the vote. "Now we rest. "Then we start again." He left.'
    assert quoted(text) == (["We won the vote.", "Now we rest.", "Then we start again."], [])


def test_curly_closing_mark_closes_an_open_straight_one_when_no_curly_one_is_open():
    assert quoted('"Mixed marks,” she said. "Plain."') == (["Mixed marks,", "Plain."], [])


def test_curly_closing_mark_still_closes_the_curly_one_inside_a_straight_quotation():
    assert quoted('"He said “go” and left."') == (["He said “go” and left.", "go"], [])


def test_straight_mark_after_a_word_still_closes():
    assert quoted('He called it "fair" and "final".') == (["fair", "final"], [])


def test_straight_mark_between_blanks_still_closes():
    assert quoted('"Odd spacing " he said.') == (["Odd spacing "], [])


MARKY = st.text(alphabet=st.sampled_from(list("ab ’'‘“”\"\n.")), max_size=60)


@given(MARKY)
@example('".\na\n"')  # a quotation continued across a caption line (found by CI's draw, 2026-12-05)
def test_every_pair_is_ordered_and_every_mark_is_used_once(text):
    pairs, strays = scan_quote_marks(text)
    continued = [p for p in pairs if text[p.close] in BLANKS]
    marked = [p for p in pairs if p not in continued]
    positions = [p.open for p in pairs] + [p.close for p in marked] + [s.position for s in strays]
    assert len(positions) == len(set(positions))
    for p in pairs:
        assert p.open < p.close and "\n" not in text[p.open : p.close]
    for p in continued:  # ends right after its words; a blank run, or caption lines (Q2), to an opening mark follows
        assert text[p.close - 1] not in BLANKS and p.close - 1 > p.open
        rest = text[p.close :].lstrip(BLANKS)
        following = _MARKS.search(text, p.close)
        next_mark = following.start() if following else len(text)
        assert rest[:1] in "“\"‘'" or captions_only(text, p.close, text.rfind("\n", 0, next_mark) + 1), (text, p)
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

    def words_end(pos):
        return len(text[:pos].rstrip(" \t\r\n"))

    def opens_line(pos, family):
        ch, nxt = text[pos], text[pos + 1 : pos + 2]
        same_kind = (ch in "‘" or ch == "'" and nxt.isalnum()) and not decade(pos) if family == "single" else ch in "“\""
        return text[pos - 1 : pos] == "\n" and same_kind

    def decade(pos):  # the '90s (Q2): an apostrophe
        return re.fullmatch(r"['‘][0-9][0-9]s", text[pos : pos + 4]) and not text[pos - 1 : pos].isalnum() and not text[pos + 4 : pos + 5].isalnum()

    for match in _MARKS.finditer(text):
        pos = match.start()
        if stack and "\n" in text[last:pos]:
            # a paragraph still open when the next line opens a quotation continues into it
            if opens_line(pos, stack[0][0]) and words_end(pos) > stack[0][1] + 1 and "\n" not in text[last : words_end(pos)]:
                pairs.append(MarkPair(stack.pop(0)[1], words_end(pos)))
            elif opens_line(pos, stack[0][0]) and open_paragraph_end(text, last, words_end(pos)) > stack[0][1] + 1:
                # ... or after caption lines between its paragraphs (Q2; `schema/caption_lines.py`)
                pairs.append(MarkPair(stack.pop(0)[1], open_paragraph_end(text, last, words_end(pos))))
            strays.extend(StrayMark(p, True) for _, p in stack)
            stack.clear()
        last = pos
        ch, prev, nxt = text[pos], text[pos - 1 : pos], text[pos + 1 : pos + 2]
        if decade(pos):
            continue
        if ch == DOUBLE_OPEN:
            stack.append(("double", pos))
        elif ch == DOUBLE_CLOSE:
            has = {f for f, _ in stack}
            close("double" if "double" in has or "straight" not in has else "straight", pos)
        elif ch == STRAIGHT_DOUBLE:
            if any(f == "straight" for f, _ in stack) and prev.isspace() and prev in " \t\r\n" and nxt.strip(" \t\r\n"):
                # after a blank and before words a straight mark opens: the open quotation ends at its words
                depth = max(i for i, (f, _) in enumerate(stack) if f == "straight")
                strays.extend(StrayMark(inner, True) for _, inner in stack[depth + 1 :])
                if words_end(pos) > stack[depth][1] + 1:
                    pairs.append(MarkPair(stack[depth][1], words_end(pos)))
                else:
                    strays.append(StrayMark(stack[depth][1], True))
                del stack[depth:]
                stack.append(("straight", pos))
            elif stack and stack[-1][0] == "straight":
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
@given(st.text(alphabet=st.sampled_from(['“', '”', '"', "‘", "’", "'", "a", " ", "\n", ".", "\t", "\r", "9", "s"]), max_size=60))
@example('‘.\na\n‘')  # the same across a caption line, single marks (CI's draw, 2026-12-05)
def test_counting_scan_gives_what_the_stack_search_rules_give(text):
    assert scan_quote_marks(text) == rules_by_stack_search(text)
