"""The core install is what `build` and `validate` need: with the extras' modules unimportable
(a meta-path finder refuses them, as a core-only install would), validate and build still work,
and each command that needs an extra says which one in one line (exit 2), never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from landstrikes.extras import EXTRAS

BLOCKED = sorted(EXTRAS)
RUN_BLOCKED = f"""
import atexit, runpy, sys

for name in {BLOCKED!r}:  # None in sys.modules: `import name` fails and find_spec says absent, as when not installed
    sys.modules[name] = None
sys.argv = ["landstrikes", *sys.argv[1:]]
atexit.register(lambda: print("LOADED", sorted(m for m, v in sys.modules.items() if v is not None and m.split(".")[0] in {BLOCKED!r}),
                              file=sys.stderr))  # (exit handlers run before the command's quick exit)
runpy.run_module("landstrikes", run_name="__main__")
"""


def run_blocked(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    return subprocess.run([sys.executable, "-c", RUN_BLOCKED, *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_validate_works_without_any_extra(built_dataset, tmp_path):
    proc = run_blocked("validate", str(built_dataset), cwd=tmp_path)
    assert proc.returncode == 0 and "VALID" in proc.stdout, proc.stderr[-3000:]
    assert "LOADED []" in proc.stderr


def test_build_works_without_any_extra(built_dataset, tmp_path):
    folder = tmp_path / "dataset"
    for part in ("raw", "annotations"):
        shutil.copytree(built_dataset / part, folder / part)
    shutil.copy2(built_dataset / "agreement.json", folder / "agreement.json")
    proc = run_blocked("build", "--dataset", str(folder), cwd=tmp_path)
    assert proc.returncode == 0 and "VALID" in proc.stdout, proc.stderr[-3000:]


@pytest.mark.parametrize("command, extra", [
    (["render", "{dataset}", "--out", "{tmp}/site"], "viewer"),
    (["extract", "{dataset}/raw", "--out", "{tmp}/silver"], "extract"),
    (["stats", "--dataset", "{dataset}", "--root", "{tmp}/root"], "figures"),
])
def test_a_command_that_needs_an_extra_names_it_in_one_line(built_dataset, tmp_path, command, extra):
    root = tmp_path / "root"
    root.mkdir()
    for name in ("DATASHEET.md", "README.md"):
        shutil.copyfile(REPO / name, root / name)
    args = [a.format(dataset=built_dataset, tmp=tmp_path) for a in command]
    proc = run_blocked(*args, cwd=tmp_path)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 2, proc.stderr[-3000:]
    error = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and f"pip install 'landstrikes[{extra}]'" in error[0], proc.stderr[-3000:]
