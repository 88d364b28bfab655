"""The test suite cleans up after itself: each test process's private word-list cache folder is
removed when that process ends (698 of them had piled up in /tmp, 4.6 GB)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def run_in(tmp: Path, code: str, *, unprivileged: bool = False, check: bool = True) -> subprocess.CompletedProcess:
    """`code` in a child process whose temporary folder is `tmp`; when `unprivileged` and this runs as root,
    as an ordinary user of a user namespace (root removes a read-only folder anyway, a user does not)."""
    command = [sys.executable, "-c", code]
    if unprivileged and os.geteuid() == 0:
        command = ["unshare", "--user", "--map-user=1000", "--map-group=1000", *command]
        if subprocess.run([*command[:4], "true"], capture_output=True).returncode != 0:
            pytest.skip("root, and no user namespace to drop root's rights in")
    done = subprocess.run(command, cwd=TESTS, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(TESTS), "TMPDIR": str(tmp)})
    assert not check or done.returncode == 0, done.stderr
    return done


def shared_tmp(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def test_a_folder_a_test_made_read_only_is_still_removed_at_exit(tmp_path):
    tmp = shared_tmp(tmp_path)
    run_in(tmp, "import os, testcache; d = testcache.private_cache_dir()\n"
                "os.makedirs(os.path.join(d, 'sub', 'deeper'))\n"
                "open(os.path.join(d, 'sub', 'deeper', 'x'), 'w').close()\n"
                "os.chmod(os.path.join(d, 'sub', 'deeper'), 0o500); os.chmod(os.path.join(d, 'sub'), 0o000)\n"
                "os.chmod(d, 0o500)", unprivileged=True)
    assert [p.name for p in tmp.iterdir()] == []


def test_the_folder_of_a_killed_process_is_removed_by_the_next_test_process(tmp_path):
    # SIGKILL (an xdist worker killed, the OOM killer) and SIGTERM (`timeout`, a cancelled CI job) run no exit handler
    tmp = shared_tmp(tmp_path)
    for signal in ("SIGKILL", "SIGTERM"):
        killed = run_in(tmp, "import os, signal, testcache; d = testcache.private_cache_dir(); "
                             f"print(d, flush=True); os.kill(os.getpid(), signal.{signal})", check=False)
        assert killed.returncode == -getattr(__import__("signal"), signal) and Path(killed.stdout.split()[0]).is_dir()
        printed = run_in(tmp, "import testcache; print(testcache.private_cache_dir())").stdout.split()
        assert not Path(killed.stdout.split()[0]).exists()
        assert [p.name for p in tmp.iterdir()] == []  # (and the second child's own, at its exit)


def test_the_folder_of_a_live_process_or_of_another_machine_is_left_alone(tmp_path):
    tmp = shared_tmp(tmp_path)
    live = tmp / f"{owned_prefix_of()}{os.getpid()}-abc"  # this process's pid: alive
    other_machine = tmp / f"{owned_prefix_of('elsewhere')}1-abc"
    legacy = tmp / "landstrikes-test-cache-q1w2e3"  # a name without pid (before attack51): whose, unknown
    for folder in (live, other_machine, legacy):
        folder.mkdir()
    run_in(tmp, "import testcache; testcache.private_cache_dir()")
    assert live.is_dir() and other_machine.is_dir() and legacy.is_dir()


def owned_prefix_of(host: str | None = None) -> str:
    import testcache

    return testcache.owned_prefix(host)
