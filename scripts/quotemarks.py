"""Find quotation-mark pairs and stray marks in raw text, by guideline Q2.

The coverage check uses this to prove that no quotation was left unannotated, and the
automatic extractor uses it to propose quotes; both must agree on what a mark is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSERS = "’'"


@dataclass(frozen=True)
class MarkPair:
    """Offsets of an opening and its closing mark; the quoted words are [open+1, close)."""

    open: int
    close: int


@dataclass(frozen=True)
class StrayMark:
    """A quotation mark with no partner in its paragraph."""

    position: int
    opens: bool


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


_MARKS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + SINGLE_OPEN + SINGLE_CLOSERS) + "]")


def scan_quote_marks(text: str) -> tuple[list[MarkPair], list[StrayMark]]:
    """Pair quotation marks paragraph by paragraph (a quote never spans a newline here).

    Only the marks are visited (a regex finds them), so long texts with few marks are cheap;
    a newline between two marks closes the paragraph and turns its open marks into strays.

    Linear in the number of marks: a count per family beside the stack answers "is a mark of
    this family open?", so a text of nothing but quotation marks costs no more than its length
    (tests/test_quotemarks.py compares it with the rules written as a plain stack search).
    """
    pairs: list[MarkPair] = []
    strays: list[StrayMark] = []
    stack: list[tuple[str, int]] = []  # (family, absolute position), for the current paragraph
    open_count = {"double": 0, "straight": 0, "single": 0}
    last = 0

    def close(family: str, pos: int) -> None:
        """Close the innermost open mark of `family`; marks opened inside it are strays."""
        if not open_count[family]:
            strays.append(StrayMark(pos, False))
            return
        depth = len(stack) - 1
        while stack[depth][0] != family:  # amortised: everything above is popped below
            depth -= 1
        for fam, inner in stack[depth + 1 :]:
            strays.append(StrayMark(inner, True))
            open_count[fam] -= 1
        pairs.append(MarkPair(stack[depth][1], pos))
        open_count[family] -= 1
        del stack[depth:]

    for match in _MARKS.finditer(text):
        pos = match.start()
        if stack and text.find("\n", last, pos) != -1:
            strays.extend(StrayMark(p, True) for _, p in stack)
            stack.clear()
            open_count = dict.fromkeys(open_count, 0)
        last = pos
        ch = text[pos]
        # a newline is not a word character, so neighbours across a paragraph end behave as ""
        prev = text[pos - 1] if pos > 0 else ""
        nxt = text[pos + 1] if pos + 1 < len(text) else ""
        if ch == DOUBLE_OPEN:
            stack.append(("double", pos))
            open_count["double"] += 1
        elif ch == DOUBLE_CLOSE:
            close("double", pos)
        elif ch == STRAIGHT_DOUBLE:
            if stack and stack[-1][0] == "straight":
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
