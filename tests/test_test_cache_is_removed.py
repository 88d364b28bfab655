"""The test suite cleans up after itself: each test process's private word-list cache folder is
removed when that process ends (698 of them had piled up in /tmp, 4.6 GB)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=TESTS, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(TESTS)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_cache_folder_exists_while_the_process_runs_and_is_gone_after():
    printed = run("import os, testcache; d = testcache.private_cache_dir(); "
                  "open(os.path.join(d, 'wordlists-x.json'), 'w').write('{}'); print(d, os.path.isdir(d))")
    folder, existed = printed.split()
    assert existed == "True"
    assert not Path(folder).exists()


def test_a_forked_child_leaves_its_parents_folder_alone():
    printed = run("import os, testcache; d = testcache.private_cache_dir()\n"
                  "pid = os.fork()\n"
                  "if pid == 0:\n    raise SystemExit(0)\n"
                  "os.waitpid(pid, 0); print(d, os.path.isdir(d))")
    folder, kept_after_the_child = printed.split()
    assert kept_after_the_child == "True"
    assert not Path(folder).exists()


def test_conftest_gives_this_process_such_a_folder():
    assert Path(os.environ["LANDSTRIKES_CACHE_DIR"]).name.startswith("landstrikes-test-cache-")
