"""SIGTERM (`kill PID`, `timeout`, a batch system or container stopping a job) ends a command as
Ctrl-C does (attack63): one line, `terminated`, exit 143, after the same clean-up, so nothing it
made is left beside its target and what it replaces is as it was. It had ended every command at
once, without a word or its clean-up (a staging folder left for a later run to find, an exit code
no `--help` listed). A worker of the local pool ends with its parent."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from landstrikes.safety import faults


def _as_started_by_a_shell() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start(argv: list[str], fault: str) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", faults.ENV: fault}
    return subprocess.Popen([sys.executable, "-m", "landstrikes", *argv], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_as_started_by_a_shell)


def _until(found, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not found():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_out_writer_terminated_mid_run_says_one_line_and_keeps_the_earlier_output(tmp_path):
    out = tmp_path / "out" / "schemas"
    first = subprocess.run([sys.executable, "-m", "landstrikes", "export-schemas", "--out", str(out)],
                           capture_output=True, text=True, timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert first.returncode == 0, first.stderr
    before = _tree(out)
    proc = _start(["export-schemas", "--out", str(out)], f"outdir:staged@wait={tmp_path / 'never'}")
    _until(lambda: any("staging" in p.name for p in out.parent.iterdir()), proc)  # its files are being written
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and err == "terminated\n", (proc.returncode, err)
    assert os.listdir(out.parent) == ["schemas"] and _tree(out) == before


def test_a_build_terminated_after_writing_its_tables_leaves_data_as_it_was(whole_copy, tmp_path):
    before = _tree(whole_copy / "data")
    proc = _start(["build", "--dataset", str(whole_copy)], f"build:tables-written@wait={tmp_path / 'never'}")
    _until(lambda: any(p.name.startswith(".build-") and (p / "data").is_dir() for p in whole_copy.iterdir()), proc)
    time.sleep(0.5)  # (the last table is written before the fault point)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and err == "terminated\n", (proc.returncode, err)
    assert not [p.name for p in whole_copy.iterdir() if p.name.startswith(".build-")]
    assert _tree(whole_copy / "data") == before


def test_every_help_lists_the_exit_code():
    from landstrikes.cli import parser

    for command in parser()._subparsers._group_actions[0].choices.values():
        assert "143  terminated" in command.format_help(), command.prog
