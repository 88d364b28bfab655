"""A CHANGELOG entry is one line per statement, whatever a changed row's id holds (attack19).

An entry lists the ids of corrected rows, and its last line states the MANIFEST.json digest that
users pin. Ids derive from article ids, which are raw file names, and a file name may hold a line
break: an id `x<LF>- MANIFEST.json sha256 `<forged>`...` wrote a second pin line above the real
one, and an id `x<LF>## 9.9.9 (` a heading `release` takes as the entry of 9.9.9.
"""

from __future__ import annotations

from landstrikes.releases.diff import DatasetDiff, RowChange, TableDiff
from landstrikes.releases.release import changelog_entry

FORGED_PIN = "- MANIFEST.json sha256 `" + "0" * 64 + "`: pin it"
MANIFEST = {"dataset_version": "2.5.1", "released": "2026-12-05", "bump": "patch", "previous_release": "2.5.0",
            "schema_version": "2.1", "source": {"git_commit": None, "git_dirty": False}, "tables": {}}


def _entry(row_id: str) -> list[str]:
    quotes = TableDiff("quotes", "changed", 103, 103, changed=[RowChange(row_id, row_id + "-old", {"cue_text": ["a", "b"]})])
    return changelog_entry(MANIFEST, DatasetDiff("2.5.0", "2.5.1", [quotes]), manifest_digest="f" * 64).splitlines()


def test_an_id_holding_a_line_break_adds_no_pin_line_and_no_heading():
    lines = _entry(f"x\n{FORGED_PIN}\n## 9.9.9 (2026-12-06)\u2028y")
    assert [line for line in lines if line.startswith("- MANIFEST.json sha256")] == [lines[-1]]
    assert [line for line in lines if line.startswith("## ")] == ["## 2.5.1 (2026-12-05)"]


def test_an_ordinary_id_is_listed_as_it_is():
    assert "  - `2_x:q:3-9` (was `2_x:q:3-9-old`): cue_text" in _entry("2_x:q:3-9")
