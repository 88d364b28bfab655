"""Quotation-mark pairing for the extractor: `landstrikes.quotemarks` rules, in linear time.

`quotemarks.scan_quote_marks` asks "is a mark of this family open?" by scanning its whole stack,
which is quadratic on a text made of nothing but quotation marks. This keeps a count per family
beside the stack; tests/test_extract_robust.py proves both give the same pairs and strays.
"""

from __future__ import annotations

from landstrikes.quotemarks import _MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSERS, SINGLE_OPEN, STRAIGHT_DOUBLE, MarkPair, StrayMark


def scan_marks(text: str) -> tuple[list[MarkPair], list[StrayMark]]:
    """The same pairs and strays as `scan_quote_marks(text)`, each mark visited a bounded number of times."""
    pairs: list[MarkPair] = []
    strays: list[StrayMark] = []
    stack: list[tuple[str, int]] = []
    open_count = {"double": 0, "straight": 0, "single": 0}
    last = 0

    def close(family: str, pos: int) -> None:
        if not open_count[family]:
            strays.append(StrayMark(pos, False))
            return
        depth = len(stack) - 1
        while stack[depth][0] != family:  # amortised: everything above is popped below
            depth -= 1
        for fam, inner in stack[depth + 1:]:
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
        elif ch == SINGLE_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum()):
            stack.append(("single", pos))
            open_count["single"] += 1
        elif ch in SINGLE_CLOSERS:
            if prev.isalnum() and nxt.isalnum():
                continue
            if open_count["single"] and not nxt.isalnum():
                close("single", pos)
    strays.extend(StrayMark(p, True) for _, p in stack)
    pairs.sort(key=lambda p: p.open)
    strays.sort(key=lambda s: s.position)
    return pairs, strays
