"""`diff` cuts a long changed value at whole characters as the report draws them (attack47).

newuser46 shows a long value from a little before its first difference, but cut the text after
escaping it: a value of NEL characters (drawn `\\x85`) was shown from the middle of an escape,
`…85\\x85…`, as if the value held the digits 8 and 5, and a JSON escape (`\\n`, `\\"`) or a letter
and its combining accent could be torn the same way at either end. Each side, its `…` left out,
is now a run of whole drawn characters of the value."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from landstrikes.releases.diff import RowChange, TableDiff, table_text
from landstrikes.schema.report import visible

_ESCAPE = re.compile(r'\\u[0-9a-fA-F]{4}|\\.|.', re.S)


def _drawn(value) -> list[str]:
    """The value as the report draws it, one item per character drawn (an escape, a letter with its accents)."""
    units: list[str] = []
    for m in _ESCAPE.finditer(json.dumps(value, ensure_ascii=False)):
        if units and len(m.group()) == 1 and unicodedata.combining(m.group()):
            units[-1] += m.group()
        else:
            units.append(visible(m.group()))
    return units


def _sides(old, new) -> tuple[str, str]:
    t = TableDiff("entities", "changed", rows_old=1, rows_new=1, changed=[RowChange("e", "e", {"note": [old, new]})])
    (line,) = [line for line in table_text(t) if line.strip().startswith("note:")]
    before, after = line.strip().split(": ", 1)[1].split(" -> ")
    return before, after


def _is_whole_run(piece: str, units: list[str]) -> bool:
    text = piece.removeprefix("…").removesuffix("…")
    return any("".join(units[i:j]) == text for i in range(len(units) + 1) for j in range(i, len(units) + 1)
               if len("".join(units[i:j])) == len(text))


@pytest.mark.parametrize("body, old_end, new_end", [
    ("\x85" * 150, "a", "b"),  # NEL, drawn \x85
    ("\n" * 150, "a", "b"),  # JSON's \n
    ('"' * 151, "a", "b"),  # JSON's \"
    ("\u2028" * 70, "a", "b"),  # drawn \u2028
    ("e\u0301" * 120, "a", "b"),  # a letter and its combining accent
    ("x" * 67 + "\x85" * 40, "a", "b"),  # the end cut inside an escape
    ("x" * 96 + "\n" * 30, "a", "b"),
])
@pytest.mark.parametrize("shift", range(6))  # wherever the cut falls
def test_each_side_is_whole_drawn_characters(body, old_end, new_end, shift):
    old, new = "y" * shift + body + old_end, "y" * shift + body + new_end
    before, after = _sides(old, new)
    assert _is_whole_run(before, _drawn(old)), before
    assert _is_whole_run(after, _drawn(new)), after
    assert old_end in before and new_end in after


def test_the_difference_still_shows_and_the_line_stays_short():
    old, new = "\x85" * 400 + "a" + "\x85" * 400, "\x85" * 400 + "b" + "\x85" * 400
    before, after = _sides(old, new)
    assert "a" in before and "b" in after and len(before) <= 100 and len(after) <= 100


@pytest.mark.parametrize("shift", range(4))
def test_a_list_is_cut_at_whole_drawn_characters_too(shift):
    old = ["y" * shift + "\x85" * 40] * 3 + ["a"]
    new = old[:-1] + ["b"]
    before, after = _sides(old, new)
    assert _is_whole_run(before, _drawn(old)) and _is_whole_run(after, _drawn(new)), (before, after)
    assert '"a"' in before and '"b"' in after
