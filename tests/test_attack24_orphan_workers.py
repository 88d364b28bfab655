"""The local engine's workers die with the process that forked them, for `validate --engine local`
as for `extract` (attack24). A `validate --engine local` killed with kill -9 (or by the
out-of-memory killer) left its workers blocked for good, each holding the read lock it inherited
on the dataset's raw/ folder: every later `build` and `release` of that dataset was refused,
"being read" (`dataset-locked`), until someone found and killed them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from landstrikes.safety.readlock import writing

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with their parent on Linux (prctl)")

READER = """
import fcntl, os, sys, time
from landstrikes.engines.local import map_ordered

lock = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(lock, fcntl.LOCK_SH)  # as `validate` holds a dataset's raw/ while it reads


def task(item):
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: two workers' lines never interleave (print
    # writes the number and the newline apart when PYTHONUNBUFFERED is set, as in CI)
    time.sleep(60)
    return item


for _ in map_ordered(task, [1, 2], 2):
    pass
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")  # (a zombie no one reaped holds no lock)


def test_killing_the_engine_kills_its_workers_and_frees_the_dataset_lock(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    reader = subprocess.Popen([sys.executable, "-c", READER, str(raw)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(reader.stdout.readline()) for _ in range(2)]
    finally:
        reader.send_signal(signal.SIGKILL)
        reader.wait(timeout=30)
    deadline = time.monotonic() + 10
    while not all(map(_gone, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [pid for pid in workers if not _gone(pid)]
    for pid in alive:  # (never leave them running past the test)
        os.kill(pid, signal.SIGKILL)
    assert alive == []
    with writing(tmp_path, wait=0):  # what a build takes: refused (LockHeld) while a reader holds raw/
        pass
