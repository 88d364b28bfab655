"""A worker process killed mid-run (the out-of-memory killer, an operator's `kill -9`) ends the run
with one line and exit 2, instead of hanging it for good (attack22).

`multiprocessing.Pool` replaces a worker that dies but never re-runs the task it held, and
`imap` waits for that task's result forever: `extract --num-proc 2` on 2,000 articles (15 s
whole) was still waiting two minutes after one worker was killed, and so was `validate --engine
local` on a partitioned folder. Nothing is written: extract's output folder is not created.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], fault: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    env.pop("LANDSTRIKES_FAULT", None)
    if fault:
        env["LANDSTRIKES_FAULT"] = fault
    process = subprocess.Popen([sys.executable, "-m", "landstrikes", *args], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"landstrikes {' '.join(args)} still running 90 s after a worker was killed")
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def four_raw_texts(folder: Path) -> Path:
    """The first four committed raw texts copied into folder (made): input for a run with two workers."""
    folder.mkdir(parents=True)
    for path in sorted((ROOT / "dataset" / "raw").glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def raw(tmp_path):
    return four_raw_texts(tmp_path / "raw")


def test_extract_whose_worker_is_killed_stops_with_one_line_and_writes_nothing(raw, tmp_path):
    out = tmp_path / "silver"
    done = _run(["extract", str(raw), "--out", str(out), "--num-proc", "2"], "extract:chunk-start")
    assert done.returncode == 2, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "[worker-lost]" in lines[0] and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".silver")], list(tmp_path.iterdir())


def test_validate_engine_whose_worker_is_killed_stops_with_one_line(raw, tmp_path):
    out = tmp_path / "silver"
    assert _run(["extract", str(raw), "--out", str(out), "--num-proc", "2"], None).returncode == 0
    done = _run(["validate", str(out), "--engine", "local", "--num-proc", "2"], "engine:partition-linked")
    assert done.returncode == 2, (done.stdout + done.stderr)[-2000:]
    assert "[worker-lost]" in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr[-2000:]
