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
_MARK_CHARS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + SINGLE_OPEN + SINGLE_CLOSERS) + "]")


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


def _paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def scan_quote_marks(text: str) -> tuple[list[MarkPair], list[StrayMark]]:
    """Pair quotation marks paragraph by paragraph (a quote never spans a newline here)."""
    pairs: list[MarkPair] = []
    strays: list[StrayMark] = []
    for offset, line in _paragraphs(text):
        stack: list[tuple[str, int]] = []  # (family, absolute position)
        for match in _MARK_CHARS.finditer(line):  # only marks change state: skip everything else
            i, ch = match.start(), match.group()
            pos = offset + i
            prev = line[i - 1] if i > 0 else ""
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if ch == DOUBLE_OPEN:
                stack.append(("double", pos))
            elif ch == DOUBLE_CLOSE:
                _close(stack, "double", pos, pairs, strays)
            elif ch == STRAIGHT_DOUBLE:
                if stack and stack[-1][0] == "straight":
                    pairs.append(MarkPair(stack.pop()[1], pos))
                elif any(f == "straight" for f, _ in stack):
                    _close(stack, "straight", pos, pairs, strays)
                else:
                    stack.append(("straight", pos))
            elif ch == SINGLE_OPEN or (
                ch == "'" and not _is_word_char(prev) and _is_word_char(nxt)
            ):
                stack.append(("single", pos))
            elif ch in SINGLE_CLOSERS:
                if _is_word_char(prev) and _is_word_char(nxt):
                    continue  # apostrophe inside a word: It’s, don't
                if any(f == "single" for f, _ in stack) and not _is_word_char(nxt):
                    _close(stack, "single", pos, pairs, strays)
                # otherwise an apostrophe (nations' internal affairs, Fox News’ Sean)
        strays.extend(StrayMark(p, True) for _, p in stack)
    pairs.sort(key=lambda p: p.open)
    strays.sort(key=lambda s: s.position)
    return pairs, strays


def _close(stack, family, pos, pairs, strays) -> None:
    """Close the innermost open mark of `family`; marks opened inside it are strays."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == family:
            for _, inner in stack[depth + 1 :]:
                strays.append(StrayMark(inner, True))
            pairs.append(MarkPair(stack[depth][1], pos))
            del stack[depth:]
            return
    strays.append(StrayMark(pos, False))
