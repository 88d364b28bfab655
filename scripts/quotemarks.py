"""Find quotation-mark pairs and stray marks in raw text, by guideline Q2.

The coverage check uses this to prove that no quotation was left unannotated, and the
automatic extractor uses it to propose quotes; both must agree on what a mark is.
A quotation continued by a new opening mark (British and US style: one opening mark per
paragraph, one closing mark at the very end) pairs its opening mark with the end of its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from landstrikes.schema.caption_lines import BLANKS, MARKS as _MARKS, captions_only, open_paragraph_end as _open_paragraph_end
from landstrikes.schema.caption_lines import words_end as _words_end
from landstrikes.schema.elisions import elides_decade

__all__ = ["BLANKS", "captions_only", "scan_quote_marks", "MarkPair", "StrayMark"]

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSERS = "’'"


@dataclass(frozen=True)
class MarkPair:
    """Offsets of an opening and its closing mark; the quoted words are [open+1, close).

    For a continued quotation (Q2), `close` is not a mark but the end of its words: the offset
    after their last non-blank character, before the blanks and the next opening mark.
    """

    open: int
    close: int


@dataclass(frozen=True)
class StrayMark:
    """A quotation mark with no partner in its paragraph."""

    position: int
    opens: bool


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens_next_paragraph(text: str, pos: int, family: str) -> bool:
    """The mark at `pos` is the first character of its line and opens a quotation there with a
    mark of the same kind as `family` (double: “ or "; single: ‘ or '), so an elided word (the
    '90s) left open is never taken for a quotation continued by a double-quoted paragraph."""
    if pos == 0 or text[pos - 1] != "\n":
        return False
    ch = text[pos]
    if family == "single":
        return (ch == SINGLE_OPEN or (ch == "'" and _is_word_char(text[pos + 1 : pos + 2]))) and not elides_decade(text, pos)
    return ch in (DOUBLE_OPEN, STRAIGHT_DOUBLE)




def scan_quote_marks(text: str) -> tuple[list[MarkPair], list[StrayMark]]:
    """Pair quotation marks paragraph by paragraph (a quote never spans a newline here).

    Only the marks are visited (a regex finds them), so long texts with few marks are cheap;
    a newline between two marks closes the paragraph and turns its open marks into strays.

    Linear in the number of marks: a count per family beside the stack answers "is a mark of
    this family open?", so a text of nothing but quotation marks costs no more than its length
    (tests/test_quotemarks.py compares it with the rules written as a plain stack search).

    Continued quotations (Q2): a paragraph whose quotation is still open when the next line
    starts with an opening mark of the same kind (double or single) pairs its outermost open mark with the end of its words; a
    straight double mark after a blank and before a non-blank opens a new quotation even while
    one is open (a closing mark follows its words), and the open one ends before it.
    A curly closing mark with no curly opening mark open closes an open straight one.
    """
    pairs: list[MarkPair] = []
    strays: list[StrayMark] = []
    stack: list[tuple[str, int]] = []  # (family, absolute position), for the current paragraph
    open_count = {"double": 0, "straight": 0, "single": 0}
    last = 0

    def close(family: str, pos: int, end: int | None = None) -> None:
        """Close the innermost open mark of `family` (at the mark `pos`, or for a continued
        quotation at the end of its words `end`); marks opened inside it are strays."""
        if not open_count[family]:
            strays.append(StrayMark(pos, False))
            return
        depth = len(stack) - 1
        while stack[depth][0] != family:  # amortised: everything above is popped below
            depth -= 1
        for fam, inner in stack[depth + 1 :]:
            strays.append(StrayMark(inner, True))
            open_count[fam] -= 1
        if end is None:
            pairs.append(MarkPair(stack[depth][1], pos))
        elif end > stack[depth][1] + 1:
            pairs.append(MarkPair(stack[depth][1], end))
        else:
            strays.append(StrayMark(stack[depth][1], True))  # no words before the next mark
        open_count[family] -= 1
        del stack[depth:]

    for match in _MARKS.finditer(text):
        pos = match.start()
        if stack and text.find("\n", last, pos) != -1:
            end = _words_end(text, pos) if _opens_next_paragraph(text, pos, stack[0][0]) else -1
            if end > stack[0][1] + 1 and text.find("\n", last, end) == -1:  # no line of other words between
                pairs.append(MarkPair(stack.pop(0)[1], end))  # the outermost open mark continues
            elif end != -1 and (own := _open_paragraph_end(text, last, end)) > stack[0][1] + 1:
                pairs.append(MarkPair(stack.pop(0)[1], own))  # it continues after a caption line
            strays.extend(StrayMark(p, True) for _, p in stack)
            stack.clear()
            open_count = dict.fromkeys(open_count, 0)
        last = pos
        ch = text[pos]
        # a newline is not a word character, so neighbours across a paragraph end behave as ""
        prev = text[pos - 1] if pos > 0 else ""
        nxt = text[pos + 1] if pos + 1 < len(text) else ""
        if elides_decade(text, pos):
            continue  # the '90s: an apostrophe, which leaves the state alone
        if ch == DOUBLE_OPEN:
            stack.append(("double", pos))
            open_count["double"] += 1
        elif ch == DOUBLE_CLOSE:  # with no “ open it closes an open straight mark: "mixed marks,”
            close("double" if open_count["double"] or not open_count["straight"] else "straight", pos)
        elif ch == STRAIGHT_DOUBLE:
            if open_count["straight"] and prev and prev in BLANKS and nxt and nxt not in BLANKS:
                close("straight", pos, _words_end(text, pos))  # `"We won. "Now ...`: continued
                stack.append(("straight", pos))
                open_count["straight"] += 1
            elif stack and stack[-1][0] == "straight":
                pairs.append(MarkPair(stack.pop()[1], pos))
                open_count["straight"] -= 1
            elif open_count["straight"]:
                close("straight", pos)
            else:
                stack.append(("straight", pos))
                open_count["straight"] += 1
        elif ch == SINGLE_OPEN or (ch == "'" and not _is_word_char(prev) and _is_word_char(nxt)):
            stack.append(("single", pos))
            open_count["single"] += 1
        elif ch in SINGLE_CLOSERS:
            if _is_word_char(prev) and _is_word_char(nxt):
                continue  # apostrophe inside a word: It’s, don't
            if open_count["single"] and not _is_word_char(nxt):
                close("single", pos)
            # otherwise an apostrophe (nations' internal affairs, Fox News’ Sean)
    strays.extend(StrayMark(p, True) for _, p in stack)
    pairs.sort(key=lambda p: p.open)
    strays.sort(key=lambda s: s.position)
    return pairs, strays
