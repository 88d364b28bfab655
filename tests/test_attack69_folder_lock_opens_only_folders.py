"""The `--out` writers' parent lock opens only a folder (attack69): the parent is made by path and
then opened, and a FIFO put there in between had the open wait for a writer for good (a file was
locked as though it were the folder, and the run failed later). The lock is asked directly of a FIFO
and a file, in a child process so that a wait fails the test instead of hanging it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = ("import sys; from pathlib import Path; from landstrikes.safety.lock import folder_lock\n"
         "try:\n    with folder_lock(Path(sys.argv[1])):\n        print('locked')\n"
         "except NotADirectoryError:\n    print('not a folder')\n")


@pytest.mark.parametrize("kind", ["fifo", "file"])
def test_the_parent_lock_refuses_what_is_not_a_folder_at_once(tmp_path, kind):
    path = tmp_path / "P"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text("not a folder\n", encoding="utf-8")
    done = _within(10, [sys.executable, "-c", PROBE, str(path)])
    assert done.stdout == "not a folder\n", done


def _within(seconds, argv):
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("folder_lock waited on a FIFO")
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)
