"""No output option writes into a folder of tables, wherever it lies (attack50): README's "your own
edited copy" is a release's `data/` copied out on its own, and it was not "a dataset" to the guard
(that wanted raw/ and annotations/, or releases/, beside data/), so `extract --out COPY/data/silver`
put a table folder into it (the copy then failed `unexpected-table`), and `render --out`,
`export-schemas --out` and every `--json` report wrote into it or into one of its table folders."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import DATASET
from landstrikes.cli import main


def _tree(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DATASET / "data", tmp_path / "mycopy" / "data")
    return tmp_path / "mycopy"


WRITES = {
    "validate --json in data": lambda c: ["validate", str(c), "--json", str(c / "data" / "report.json")],
    "validate --json in a table folder": lambda c: ["validate", str(c / "data"), "--json", str(c / "data" / "quotes" / "r.json")],
    "diff --json": lambda c: ["diff", str(c), str(c), "--json", str(c / "data" / "diff.json")],
    "evaluate --json": lambda c: ["evaluate", str(c), "--gold", str(DATASET), "--json", str(c / "data" / "e.json")],
    "render --out": lambda c: ["render", str(c), "--out", str(c / "data" / "site")],
    "export-schemas --out": lambda c: ["export-schemas", "--out", str(c / "data" / "quotes" / "schemas")],
    "extract --out": lambda c: ["extract", str(DATASET / "raw"), "--out", str(c / "data" / "silver")],
}


@pytest.mark.parametrize("command", sorted(WRITES))
def test_no_output_goes_into_a_copys_tables(command, copy, capsys):
    before = _tree(copy)
    assert main(WRITES[command](copy)) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ("[protected-output]" in err[0] or "[unwritable-report]" in err[0]), err  # README's ids
    assert "a folder of landstrikes tables" in err[0]
    assert _tree(copy) == before


def test_a_report_beside_the_copy_is_still_written(copy, capsys):
    assert main(["validate", str(copy), "--json", str(copy / "report.json")]) == 0
    assert (copy / "report.json").is_file()
