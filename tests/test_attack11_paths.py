"""An empty path argument (an unset shell variable: `--out "$OUT"`) is a usage error, exit 2,
never the current folder: Path('') is '.', so `render DS --out ''` drew the site into the
folder the user stood in and `validate ''` checked it (attack11)."""

from __future__ import annotations

import pytest

from landstrikes.cli import main

CASES = {
    "render --out": lambda ds: ["render", str(ds), "--out", ""],
    "render path": lambda ds: ["render", "", "--out", "site"],
    "export-schemas --out": lambda ds: ["export-schemas", "--out", ""],
    "extract raw": lambda ds: ["extract", "", "--out", "silver"],
    "extract --out": lambda ds: ["extract", str(ds / "raw"), "--out", ""],
    "validate path": lambda ds: ["validate", ""],
    "validate --json": lambda ds: ["validate", str(ds), "--json", ""],
    "build --dataset": lambda ds: ["build", "--dataset", ""],
    "stats --dataset": lambda ds: ["stats", "--check", "--dataset", ""],
    "agreement --out": lambda ds: ["agreement", "--dataset", str(ds), "--out", ""],
    "evaluate pred": lambda ds: ["evaluate", "", "--gold", str(ds)],
    "diff old": lambda ds: ["diff", "", str(ds)],
    "verify release": lambda ds: ["verify", "", "--dataset", str(ds)],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_empty_path_is_refused_and_the_current_folder_is_left_alone(case, built_dataset, tmp_path, monkeypatch, capsys):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    try:
        code = main(CASES[case](built_dataset))
    except SystemExit as usage:
        code = usage.code
    err = capsys.readouterr().err
    assert code == 2, err
    assert "empty" in err and "Traceback" not in err
    assert list(here.iterdir()) == []
