"""attack17: a lock file holding no pid a process can have is "held by pid unknown", not a crash.

`holder_pid` read the lock file and, if it was all digits, made an int of it: a file of 5,000 digits
(written by anything but this package: a stray tool, a corrupted disk) stopped `build` with
`[internal-error] ValueError: Exceeds the limit (4300 digits)` instead of its one-line
`dataset-locked` refusal (exit 2). A pid is a C int: at most 10 ASCII digits, below 2**31 (Linux's pid_max is 2**22)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys

import pytest

from landstrikes.safety.lock import DATASET_LOCK_FILE, holder_pid


@pytest.mark.parametrize("content", ["9" * 5000, "9" * 20, "9" * 10, "\uff11\uff12"])
def test_a_lock_file_holding_no_possible_pid_names_no_pid(tmp_path, content):
    path = tmp_path / DATASET_LOCK_FILE
    path.write_text(content, encoding="utf-8")
    assert holder_pid(path) == "unknown"


def test_a_build_refuses_in_one_line_whatever_the_lock_file_holds(whole_copy):
    """In a child process: `build` keeps hypothesis out of its process (leanimports)."""
    path = whole_copy / DATASET_LOCK_FILE
    path.write_text("9" * 5000, encoding="ascii")
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # another process's reader, as far as the build can tell
        done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(whole_copy), "--wait", "0"],
                              capture_output=True, text=True, timeout=300)
    finally:
        os.close(fd)
    err = done.stderr
    assert done.returncode == 2, err
    assert "internal-error" not in err and "[dataset-locked]" in err, err
    assert len(err.strip().splitlines()) == 1, err
