"""A report file (`validate/diff/evaluate --json`, `agreement --out`) is written to a new
temporary file beside it, then renamed: a symlink planted at a fixed temporary name (git and
tarballs keep symlinks) is never written through, and the report is an ordinary file."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import DATASET
from landstrikes.cli import main


@pytest.mark.parametrize("planted", [".report.json.landstrikes-tmp", ".report.json.tmp"])
def test_a_symlink_planted_beside_the_report_is_not_written_through(tmp_path, capsys, planted):
    precious = tmp_path / "precious.txt"
    precious.write_text("someone's file\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / planted).symlink_to(precious)
    assert main(["validate", str(DATASET), "--json", str(out / "report.json")]) == 0
    assert precious.read_text(encoding="utf-8") == "someone's file\n"
    report = out / "report.json"
    assert not report.is_symlink() and report.read_text(encoding="utf-8").startswith("{")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(report.stat().st_mode) == 0o666 & ~mask
    assert sorted(p.name for p in out.iterdir()) == sorted({"report.json", planted})
