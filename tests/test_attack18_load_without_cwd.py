"""`landstrikes.load` and `versions` from a current folder that was deleted (attack18). The
release roots are ./dataset/releases and the source checkout's; `Path.cwd()` raises
FileNotFoundError when the current folder is gone, and both functions raised it ("[Errno 2] No
such file or directory", no file named) instead of reading the checkout's releases."""

from __future__ import annotations

import os
import subprocess
import sys

PROGRAM = """
import os, sys, tempfile
gone = tempfile.mkdtemp()
os.chdir(gone)
os.rmdir(gone)
import landstrikes
print(landstrikes.versions()[-1])
print(len(landstrikes.load("quotes", as_pandas=True)))
"""


def test_load_from_a_deleted_current_folder_reads_the_checkouts_releases():
    proc = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    newest, rows = proc.stdout.split()
    assert newest.count(".") == 2 and int(rows) > 0
