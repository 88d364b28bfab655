"""Ctrl-C (SIGINT to the command's process group, as a terminal sends it) ends any command with
one line, `interrupted`, and exit 130, never a traceback, its own or a pool worker's; a build
interrupted at any step leaves data/ old or new, and the next build repairs (attack11)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys

from landstrikes.build import FAULT_POINTS, STAGING_PREFIX, build
from landstrikes.safety import faults
from test_build_safety import drop_one_quote, state


def ctrl_c_as_a_terminal_leaves_it() -> None:
    """Child side, before exec: SIGINT at its default, as a command typed at a terminal has it. A
    suite started in the background (`pytest ... &`, nohup) ignores SIGINT, and an ignored
    signal is inherited: the command would then rightly sleep through the Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(argv: list[str], fault: str) -> subprocess.Popen:
    """The command in its own session (a Ctrl-C sent by the fault reaches it and its workers only)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1", faults.ENV: fault}
    return subprocess.Popen([sys.executable, "-m", "landstrikes", *argv], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=ctrl_c_as_a_terminal_leaves_it)


def test_a_build_interrupted_at_any_step_says_one_line_and_leaves_old_or_new(built_dataset, tmp_path):
    old = state(built_dataset)
    points = [p for p in FAULT_POINTS if not p.startswith("swap:exchanged:")] + [next(p for p in FAULT_POINTS if p.startswith("swap:exchanged:"))]
    folders = {}
    for point in points:
        folder = tmp_path / re.sub(r"\W", "_", point) / "dataset"
        shutil.copytree(built_dataset, folder)
        drop_one_quote(folder)
        folders[point] = folder
    runs = {p: start(["build", "--dataset", str(folders[p])], f"{p}@interrupt") for p in points}
    new = None
    for point, proc in runs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 130, (point, out[-1000:], err[-2000:])
        assert err == "interrupted\n", (point, err[-2000:])
        folder = folders[point]
        if new is None:  # what the edited sources build to
            shutil.copytree(folder, tmp_path / "reference" / "dataset")
            assert build(tmp_path / "reference" / "dataset").report.ok
            new = state(tmp_path / "reference" / "dataset")
        assert state(folder)[0] in (old[0], new[0]), f"{point}: data/ is neither the old nor the new tables"
        assert build(folder).report.ok, point
        assert state(folder) == new, point
        assert not [p for p in folder.iterdir() if p.name.startswith((STAGING_PREFIX, ".data-old"))], point


def test_an_extract_interrupted_with_its_pool_running_says_one_line_and_leaves_no_staging(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(40):
        (raw / f"{i:03d}_a.txt").write_text(f'Anna Berg said "the plan number {i} is final," officials said.\n', encoding="utf-8")
    proc = start(["extract", str(raw), "--out", str(tmp_path / "out"), "--num-proc", "2"], "extract:chunk-done@interrupt")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err[-2000:])
    assert err == "interrupted\n", err[-3000:]  # no worker's KeyboardInterrupt traceback
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_the_pool_start_leaves_ctrl_c_to_the_parent():
    code = ("import signal, os; from landstrikes.extract.run import die_with_parent; "
            "before = signal.getsignal(signal.SIGINT) == signal.SIG_IGN; die_with_parent(os.getppid()); "
            "print(before, signal.getsignal(signal.SIGINT) == signal.SIG_IGN)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          preexec_fn=ctrl_c_as_a_terminal_leaves_it)
    assert done.stdout.split() == ["False", "True"], done.stderr
