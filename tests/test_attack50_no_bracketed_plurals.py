"""A generated line puts its noun in agreement with its count, never `row(s)` (the brief of attack50:
CHANGELOG entries read `1 row(s) added`, `diff`'s bump `1 row(s) corrected`, `validate`'s verdict
`INVALID: 1 failure(s) of 1 check(s)`, `verify` `FAILED (1 problem(s))`). attack48's `counted`
says them all; a scan of every string of the package finds a bracketed plural written by hand."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from landstrikes.releases.diff import DatasetDiff, RowChange, TableDiff
from landstrikes.releases.release import changelog_entry
from landstrikes.schema.report import Report, noun

ROOT = Path(__file__).resolve().parent.parent
BRACKETED = re.compile(r"[A-Za-z]\((?:s|es)\)")
DATA_NOT_MESSAGES = {
    # the description `extract` writes into every auto entity row, and the rule that holds auto rows
    # to it (docs/check-ids.md: `auto: <type> named in <n> article(s)`): changing it would make every
    # silver folder extracted before INVALID, so it stays as data, not as a message
    ("scripts/extract/catalogue.py", " article(s)"), ("scripts/extract/entity_shards.py", " article(s)"),
    ("schema/auto_entities.py", " article(s)"),
}


def _docstrings(tree) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def test_no_string_of_the_package_writes_a_plural_in_brackets():
    found = []
    for folder in ("scripts", "schema"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = _docstrings(tree)
            name = path.relative_to(ROOT).as_posix()
            for node in ast.walk(tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                        and BRACKETED.search(node.value) and (name, node.value) not in DATA_NOT_MESSAGES):
                    found.append(f"{name}:{node.lineno}: {node.value[:80]!r}")
    assert not found, "use landstrikes.schema.report.counted or noun:\n" + "\n".join(found)


def _one_of_each() -> DatasetDiff:
    added = TableDiff("quotes", "changed", rows_old=1, rows_new=2, added=["000_ab:q:1-5"])
    removed = TableDiff("stances", "changed", rows_old=2, rows_new=1, removed=["000_ab:s:article:x"])
    changed = TableDiff("claims", "changed", rows_old=1, rows_new=1, changed=[RowChange("000_ab:c:1-5", "000_ab:c:1-5", {"hedging": ["none", "hedged"]})],
                        columns_added=["mine"], stamps_changed={"landstrikes.source": {"old": "gold", "new": "auto"}})
    return DatasetDiff("2.31.0", "2.32.0", [added, removed, changed])


def test_a_changelog_entry_of_one_row_each_says_row_not_rows_in_brackets():
    manifest = {"dataset_version": "2.33.0", "released": "2026-12-07", "bump": "minor", "previous_release": "2.32.0",
                "schema_version": "2.1", "source": {"git_commit": "0" * 40, "git_dirty": False}}
    entry = changelog_entry(manifest, _one_of_each())
    assert "(s)" not in entry
    for said in ("1 row added", "1 row removed", "1 row corrected", "column added: mine", "file stamp changed: landstrikes.source"):
        assert said in entry, entry


def test_diff_and_validate_verdicts_count_in_words():
    assert "(s)" not in _one_of_each().to_text()
    report = Report("x")
    report.add("quotes", "span-text-mismatch", "text differs", "000_ab:q:1-5", "text")
    assert report.to_text().splitlines()[-1] == "INVALID: 1 failure of 1 check"
    report.add("quotes", "duplicate-id", "twice", "000_ab:q:1-5", "quote_id")
    assert report.to_text().splitlines()[-1] == "INVALID: 2 failures of 2 checks"


def test_noun_agrees_with_its_number():
    assert noun(1, "column") == "column" and noun(0, "column") == "columns" and noun(3, "process", "processes") == "processes"
