"""Every key `diff --json` writes is documented (attack43). attack42 added `row_order_changed`
to the report, and a `--json` consumer that reads `added`, `removed` and `changed` to decide
whether two versions differ now meets a table whose `status` is `changed` with all three empty;
no document named that key, nor any other key of the report (README says only "also write the
full diff as JSON"). docs/releases.md now lists them; this test keeps the list complete."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from landstrikes.releases.diff import DatasetDiff, RowChange, TableDiff

DOC = Path(__file__).resolve().parents[1] / "docs" / "releases.md"


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"\*\*`diff --json`\.\*\*(.*?)(?:\n\n|\Z)", text, re.DOTALL)
    assert found, "docs/releases.md has no **`diff --json`.** paragraph"
    return found.group(1)


def test_every_key_of_the_diff_report_is_named_in_docs_releases():
    report = DatasetDiff("a", "b", [TableDiff("quotes", changed=[RowChange("x", "y")])]).to_dict()
    keys = set(report) | {f.name for f in dataclasses.fields(TableDiff)} | {f.name for f in dataclasses.fields(RowChange)}
    section = _section()
    missing = sorted(k for k in keys if f"`{k}`" not in section)
    assert missing == [], f"keys of diff --json not documented in docs/releases.md: {missing}"


def test_the_reorder_key_says_the_lists_can_be_empty():
    section = _section()
    assert "`row_order_changed`" in section and "empty" in section
