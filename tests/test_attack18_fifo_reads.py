"""A file a command reads back by path is read only when it is a regular file (attack18): a
FIFO planted as README.md, DATASHEET.md, stats.json, a figure or an `--out` folder's marker
blocked `stats` (with or without --check), `render` and `export-schemas` for good; a link to
/dev/zero read until memory ran out. Each is now one line naming the file, exit 2.

Every case is set up and run once per module, in forked children of one interpreter that has
imported the package (tests/forkcli.py); each test checks its own case. One case is also run as
a fresh `python -m`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATASET, documents_beside
from forkcli import run_in_children

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
KINDS = ["fifo", "/dev/zero"]
OUT_COMMANDS = {"render": ["render", str(DATASET)], "export-schemas": ["export-schemas"]}
TIMEOUT = 60


def _stats_case(root: Path, rel: str, check: bool, kind: str) -> list[str]:
    """A dataset whose document `rel` (beside it) is planted; the `stats` command that reads it."""
    dataset = root / "dataset"
    for name in ("data", "raw", "annotations"):
        shutil.copytree(DATASET / name, dataset / name)
    shutil.copy2(DATASET / "agreement.json", dataset / "agreement.json")
    documents_beside(dataset)
    _planted(root / rel, kind)
    return ["stats", "--dataset", str(dataset)] + (["--check"] if check else [])


def _out_case(root: Path, command: str, kind: str) -> list[str]:
    """An --out folder whose marker is planted; the command that writes into it."""
    out = root / "out"
    out.mkdir(parents=True)
    _planted(out / MARKER, kind)
    return [*OUT_COMMANDS[command], "--out", str(out)]


def _stats_id(rel: str, check: bool, kind: str) -> str:
    return f"stats-{rel.replace('/', '_')}-{check}-{'fifo' if kind == 'fifo' else 'zero'}"


def _out_id(command: str, kind: str) -> str:
    return f"out-{command}-{'fifo' if kind == 'fifo' else 'zero'}"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, tuple[int | None, str, str, Path]]:
    """{case: (exit status or None if still blocked after TIMEOUT, stdout, stderr, its folder)}."""
    base = tmp_path_factory.mktemp("fifo-reads")
    jobs = []
    for rel in STATS_FILES:
        for check in (True, False):
            for kind in KINDS:
                root = base / _stats_id(rel, check, kind)
                jobs.append({"id": root.name, "argv": _stats_case(root, rel, check, kind), "cwd": str(root)})
    for command in OUT_COMMANDS:
        for kind in KINDS:
            root = base / _out_id(command, kind)
            jobs.append({"id": root.name, "argv": _out_case(root, command, kind), "cwd": str(root)})
    for job in jobs:
        job.update(logs=str(base), timeout=TIMEOUT)
    status = run_in_children(jobs, base)
    return {name: (code, (base / f"{name}.out").read_text(errors="replace"),
                   (base / f"{name}.err").read_text(errors="replace"), base / name)
            for name, code in status.items()}


def _finished(argv0: str, code: int | None) -> None:
    if code is None:
        pytest.fail(f"{argv0} blocked for {TIMEOUT} s on a file that is not a regular file")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("check", [True, False])
@pytest.mark.parametrize("rel", STATS_FILES)
def test_stats_refuses_a_document_that_is_not_a_regular_file(rel, check, kind, outcomes):
    code, stdout, stderr, _ = outcomes[_stats_id(rel, check, kind)]
    _finished("stats", code)
    assert code == 2, stdout + stderr
    assert stderr.count("\n") == 1 and Path(rel).name in stderr, stderr
    assert "Traceback" not in stderr and "internal-error" not in stderr, stderr


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(OUT_COMMANDS))
def test_an_out_folder_whose_marker_is_not_a_regular_file_is_refused(command, kind, outcomes):
    code, stdout, stderr, root = outcomes[_out_id(command, kind)]
    _finished(command, code)
    assert code == 2, stdout + stderr
    assert "[output-refused]" in stderr and stderr.count("\n") == 1, stderr
    assert sorted(p.name for p in (root / "out").iterdir()) == [MARKER]


def test_a_fresh_python_m_refuses_a_fifo_as_the_forked_child_did(outcomes, tmp_path):
    """The cases run in forked children for speed; one run as `python -m` gives the same answer."""
    argv = _stats_case(tmp_path, "README.md", True, "fifo")
    proc = _run(argv, tmp_path)
    code, _, stderr, root = outcomes[_stats_id("README.md", True, "fifo")]
    assert proc.returncode == code
    assert proc.stderr.replace(str(tmp_path), "ROOT") == stderr.replace(str(root), "ROOT")
