"""Standard output that cannot be written (a full disk: `landstrikes validate > /dev/full`, an I/O
error) is named as such, in one line on stderr, exit 2 (attack24). It was `[unusable-path] input:
No space left on device`, blaming an input that was fine; a reader that went away stays exit 141."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import DATASET

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


def _to_dev_full(*args: str) -> subprocess.CompletedProcess:
    with open("/dev/full", "w") as full:
        return subprocess.run([sys.executable, "-m", "landstrikes", *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"})


@pytest.mark.parametrize("args", [("--version",), ("verify", str(DATASET / "releases" / "2.14.0"))])
def test_a_full_standard_output_is_named_not_the_input(args):
    proc = _to_dev_full(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: [unwritable-output] standard output: No space left on device")
    assert proc.stderr.count("\n") == 1, proc.stderr  # (no "Exception ignored" from the last flush)
