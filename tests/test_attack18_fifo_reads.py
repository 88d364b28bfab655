"""A file a command reads back by path is read only when it is a regular file (attack18): a
FIFO planted as README.md, DATASHEET.md, stats.json, a figure or an `--out` folder's marker
blocked `stats` (with or without --check), `render` and `export-schemas` for good; a link to
/dev/zero read until memory ran out. Each is now one line naming the file, exit 2."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATASET, documents_beside

MARKER = ".landstrikes-output.json"


def _run(argv, cwd) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True, cwd=cwd,
                              env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv[0]} blocked for 60 s on a file that is not a regular file")


def _planted(path: Path, kind: str) -> None:
    if path.exists():
        path.unlink()
    os.mkfifo(path) if kind == "fifo" else path.symlink_to("/dev/zero")


STATS_FILES = ["README.md", "DATASHEET.md", "dataset/stats.json", "docs/figures/labels.png"]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("check", [True, False])
@pytest.mark.parametrize("rel", STATS_FILES)
def test_stats_refuses_a_document_that_is_not_a_regular_file(rel, check, kind, tmp_path):
    dataset = tmp_path / "dataset"
    for name in ("data", "raw", "annotations"):
        shutil.copytree(DATASET / name, dataset / name)
    shutil.copy2(DATASET / "agreement.json", dataset / "agreement.json")
    documents_beside(dataset)
    _planted(tmp_path / rel, kind)
    proc = _run(["stats", "--dataset", str(dataset)] + (["--check"] if check else []), tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1 and Path(rel).name in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "internal-error" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
@pytest.mark.parametrize("command", [["render", str(DATASET)], ["export-schemas"]])
def test_an_out_folder_whose_marker_is_not_a_regular_file_is_refused(command, kind, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _planted(out / MARKER, kind)
    proc = _run([*command, "--out", str(out)], tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "[output-refused]" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == [MARKER]
