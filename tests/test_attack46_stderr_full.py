"""Standard error that cannot be written (a full disk under `2>log`, /dev/full, a reader gone away)
costs the lines written there, never the command's work or its exit code (attack46).

Every refusal printed its one line to stderr; when that write failed, the OSError escaped the
guard and the process ended with Python's exit 1, which is INVALID's code for validate and "a
difference found" for diff: `landstrikes diff 9.9.9 2.29.0 2>/dev/full` read as a difference. A
notice on the way to success failed alike: `extract --num-proc 8` (more workers than CPUs, a stderr
line says so) wrote nothing and ended 1, a code extract does not document. Standard output keeps
its own rule (`[unwritable-output]`, exit 2: tests/test_attack24_stdout_full.py).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import DATASET

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


def _stderr_to_dev_full(*args: str, cwd=None) -> subprocess.CompletedProcess:
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "-m", "landstrikes", *args], stdout=subprocess.PIPE, stderr=full, text=True,
                              timeout=300, cwd=cwd, env={**os.environ, "HF_HUB_OFFLINE": "1"})


@pytest.mark.parametrize("args", [
    ("diff", "--dataset", str(DATASET), "9.9.9", "2.29.0"),  # no such release: refused, 2 (not 1, "a difference")
    ("verify", "--dataset", str(DATASET), "9.9.9"),
    ("evaluate", "no-such-folder", "--gold", str(DATASET)),
    ("render", "--out", "/proc/self/no-such-place", str(DATASET)),
    ("export-schemas", "--out", "/proc/self/no-such-place"),
])
def test_a_refusal_keeps_its_exit_code_when_its_line_cannot_be_written(args):
    assert _stderr_to_dev_full(*args).returncode == 2


def test_a_notice_that_cannot_be_written_does_not_stop_the_work(tmp_path):
    out = tmp_path / "silver"
    done = _stderr_to_dev_full("extract", str(DATASET / "raw"), "--out", str(out), "--num-proc", "64")
    assert done.returncode == 0
    assert sorted(p.name for p in (out / "data").iterdir()) != []
    assert "5 articles" in done.stdout
