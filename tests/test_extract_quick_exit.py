"""The extract command's process ends without freeing its heap object by object, and loses nothing.

`landstrikes extract` run as a process (argv from the command line) runs the exit handlers,
flushes both streams and leaves with its exit code, skipping the interpreter's teardown (the
word lists' ~460,000 strings freed one by one: ~0.1 CPU-seconds; docs/notes/extract-outside3.md).
Output, exit codes and exit handlers are as before; a caller of `main(argv)` gets its return; a
thread still running is waited for, as the interpreter would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from landstrikes.cli import main

RAW = Path(__file__).resolve().parents[1] / "dataset" / "raw"

COMMAND = r"""
import atexit, os, sys, threading, time
class Teardown:
    def __del__(self, write=os.write):  # (bound now: modules are being cleared when it runs)
        write(2, b"heap freed at exit\n")
kept_until_teardown = Teardown()
out = sys.argv[3]
atexit.register(lambda: print("exit handler ran"))
if sys.argv[1] == "thread":
    def late():  # still running when the command is done: it waits for the output, then a while
        while not os.path.exists(os.path.join(out, "data")):
            time.sleep(0.01)
        time.sleep(0.5)
        print("thread finished")
    threading.Thread(target=late).start()
from landstrikes.cli import main
sys.argv = ["landstrikes", "extract", sys.argv[2], "--out", out]
sys.exit(main())
"""


def _run(tmp_path: Path, raw: Path, how: str = "plain") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", COMMAND, how, str(raw), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)


def test_the_extract_process_skips_the_teardown_but_runs_its_exit_handlers_and_prints_everything(tmp_path):
    done = _run(tmp_path, RAW)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines()[0].startswith("landstrikes extract: 5 articles ->")
    assert done.stdout.splitlines()[-1] == "exit handler ran"
    assert "heap freed at exit" not in done.stderr  # no teardown
    assert pq.read_table(tmp_path / "out" / "data" / "articles").num_rows == 5


def test_a_run_with_failures_keeps_exit_code_3_and_its_messages(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text((RAW / sorted(p.name for p in RAW.glob("*.txt"))[0]).read_text(encoding="utf-8"), encoding="utf-8")
    (raw / "empty.txt").write_text("", encoding="utf-8")
    done = _run(tmp_path, raw)
    assert done.returncode == 3
    assert "failed" in done.stderr and "extract-empty" in done.stderr
    assert "done with 1 failure" in done.stderr
    assert done.stdout.splitlines()[-1] == "exit handler ran"


def test_a_thread_still_running_is_waited_for_as_at_an_ordinary_exit(tmp_path):
    done = _run(tmp_path, RAW, "thread")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "thread finished" in done.stdout.splitlines()
    assert "heap freed at exit" in done.stderr  # the ordinary exit, teardown and all


def test_a_caller_of_main_with_argv_gets_the_exit_code_back(tmp_path, capsys):
    assert main(["extract", str(RAW), "--out", str(tmp_path / "out")]) == 0
    assert "landstrikes extract: 5 articles" in capsys.readouterr().out
