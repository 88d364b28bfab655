"""A run whose output folder's parent is locked by another run says so, naming it, and goes on when
that one ends (attack63). The `--out` writers take turns on the parent folder's lock, and the one
waiting said nothing: behind a run stopped with Ctrl-Z or SIGSTOP, a second `render --out site` (or
`--out site2` beside it) sat silent for good. Now it prints one line naming the holder's pid and
that it is stopped, waits, and does its work once the holder is gone."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import time


def test_a_run_behind_a_stopped_lock_holder_names_it_and_goes_on_when_it_ends(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys, time\n"
                               "fd = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX)\n"
                               "print('locked', flush=True); time.sleep(60)", str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        os.kill(holder.pid, signal.SIGSTOP)
        waiting = subprocess.Popen([sys.executable, "-m", "landstrikes", "export-schemas", "--out", str(tmp_path / "schemas")],
                                   stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                   env={**os.environ, "HF_HUB_OFFLINE": "1"})
        told, _, _ = select.select([waiting.stderr], [], [], 30)  # told before it waits (silent for good before)
        assert told, "no word after 30 s"
        line = waiting.stderr.readline()
        assert line == (f"waiting for {tmp_path}: another landstrikes run (pid {holder.pid}, stopped) is writing an output "
                        "there; this run goes on when it ends (Ctrl-C gives up)\n"), line
        time.sleep(0.3)
        assert waiting.poll() is None and not (tmp_path / "schemas").exists()  # it waits its turn
        holder.kill()
        holder.wait(timeout=10)
        out, err = waiting.communicate(timeout=60)
        assert waiting.returncode == 0 and err == "", err
        assert sorted(os.listdir(tmp_path)) == ["schemas"]
    finally:
        holder.kill()
        holder.wait(timeout=10)
        if "waiting" in locals() and waiting.poll() is None:
            waiting.kill()


def test_a_free_lock_is_taken_without_a_word(tmp_path, capsys):
    from landstrikes.safety.lock import folder_lock

    with folder_lock(tmp_path):
        fd = os.open(tmp_path, os.O_RDONLY)
        try:  # held: another open file description cannot take it
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                raise AssertionError("the lock was free")
            except BlockingIOError:
                pass
        finally:
            os.close(fd)
    assert capsys.readouterr().err == ""


def test_a_build_refused_behind_a_stopped_build_says_it_is_stopped(tmp_path):
    """`build` refuses at once when another holds the dataset's lock, naming its pid; when that one
    is stopped, 'retry when it has finished' would never come true: the line says it is stopped."""
    (tmp_path / "raw").mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys, time\n"
                               "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); fcntl.flock(fd, fcntl.LOCK_EX)\n"
                               "os.write(fd, f'{os.getpid()}\\n'.encode()); print('locked', flush=True); time.sleep(60)",
                               str(tmp_path / ".landstrikes.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        os.kill(holder.pid, signal.SIGSTOP)
        done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(tmp_path)],
                              capture_output=True, text=True, timeout=60, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert f"(pid {holder.pid}), which is stopped: continue it" in done.stderr and "[dataset-locked]" in done.stderr, done.stderr
    finally:
        holder.kill()
        holder.wait(timeout=10)
