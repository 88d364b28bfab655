"""attack15: a refused build said "dataset/data was left untouched" whatever `--dataset` named;
it names the folder it left untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys


def _build(folder):
    """In its own process: build blocks imports the test runner needs."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(folder)], capture_output=True, text=True, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stderr


def test_a_refused_build_names_its_own_data_folder(built_dataset, tmp_path):
    folder = tmp_path / "elsewhere"
    shutil.copytree(built_dataset, folder)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (folder / "data").rglob("*.parquet")}
    (folder / "raw" / "zzz_unannotated.txt").write_text("A text nobody annotated.\n", encoding="utf-8")
    code, err = _build(folder)
    assert code == 1, err
    assert f"{folder / 'data'} was left untouched" in err and "dataset/data" not in err.replace(str(folder), ""), err
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (folder / "data").rglob("*.parquet")}
