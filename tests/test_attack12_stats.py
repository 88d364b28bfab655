"""`landstrikes stats` counts only tables that validate. It counted whatever it read: a quote of an
unknown article, a mention of an unknown entity, a null offset or a null list ended the command
with `[internal-error] KeyError: 'nope'` (no file, row, column or check id), and tables that broke
rules without crashing the counts gave the documents wrong numbers (attack12). Now the first
finding is named in one line, exit 2, and nothing is written."""

from __future__ import annotations

import shutil

import pytest

from conftest import documents_beside
from hostile_tools import set_cell
from landstrikes.cli import main

BROKEN = {
    "a null quote offset": ("quotes", "start", None, "null-in-required-column"),
    "a quote of an unknown article": ("quotes", "article_id", "nope", "dangling-foreign-key"),
    "a mention of an unknown entity": ("mentions", "entity_id", "ghost", "dangling-foreign-key"),
    "a null list of quality flags": ("articles", "quality_flags", None, "null-in-required-column"),
    "a contradiction by an unknown claim": ("claims", "contradicted_by", ["ghost"], "dangling-foreign-key"),
    "an unknown quote kind": ("quotes", "kind", "weird", "label-outside-set"),
}


def _snapshot(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def documented(built_dataset, tmp_path_factory):
    """A built dataset with the documents beside it, their numbers in sync with its tables."""
    folder = tmp_path_factory.mktemp("documented") / "dataset"
    shutil.copytree(built_dataset, folder)
    return documents_beside(folder)


@pytest.mark.parametrize("broken", list(BROKEN))
@pytest.mark.parametrize("check", [True, False], ids=["stats --check", "stats"])
def test_stats_of_tables_that_do_not_validate_names_the_first_finding_and_writes_nothing(
        documented, tmp_path, broken, check, capsys):
    root = tmp_path / "root"
    shutil.copytree(documented.parent, root)
    dataset = root / "dataset"
    table, column, value, expected = BROKEN[broken]
    set_cell(dataset, table, column, 0, value)
    before = _snapshot(root)
    assert main(["stats", *(["--check"] if check else []), "--dataset", str(dataset)]) == 2
    out = capsys.readouterr()
    assert "internal-error" not in out.err and "Traceback" not in out.err
    assert len(out.err.strip().splitlines()) == 1, out.err
    assert f"[{expected}] {table} row " in out.err and f"column {column}" in out.err, out.err
    assert _snapshot(root) == before


def test_stats_of_sound_tables_still_writes_and_checks(documented, tmp_path, capsys):
    root = tmp_path / "root"
    shutil.copytree(documented.parent, root)
    assert main(["stats", "--check", "--dataset", str(root / "dataset")]) == 0
    assert main(["stats", "--dataset", str(root / "dataset")]) == 0
