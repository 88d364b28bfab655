"""Every folder under tests/hostile/ is one hostile input with its expected exit code and check id;
none may give a traceback, a hang or a false VALID."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import documents_beside

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "case.yaml").is_file()) if HOSTILE.is_dir() else []


def _start(kind: str, target: Path, built: Path, released: Path) -> None:
    if kind == "built":
        shutil.copytree(built, target, symlinks=True)
    elif kind == "sources":
        target.mkdir(parents=True)
        for part in ("raw", "annotations"):
            shutil.copytree(built / part, target / part)
        if (built / "agreement.json").exists():
            shutil.copy2(built / "agreement.json", target / "agreement.json")
    elif kind == "released":
        shutil.copytree(released, target, symlinks=True)
        shutil.copy(released.parent / "CHANGELOG.md", target.parent / "CHANGELOG.md")
        documents_beside(target)
    elif kind == "empty":
        target.mkdir(parents=True)
    else:
        raise ValueError(f"unknown start {kind!r}")


def _prepare(case_dir: Path, target: Path) -> None:
    if (case_dir / "input").is_dir():
        shutil.copytree(case_dir / "input", target, dirs_exist_ok=True, symlinks=True)
    script = case_dir / "prepare.py"
    if script.is_file():
        spec = importlib.util.spec_from_file_location(f"hostile_{case_dir.name}", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.prepare(target)


@pytest.fixture(scope="module")
def released_gold(built_dataset, tmp_path_factory) -> Path:
    """The gold built dataset with one release (1.0.0) cut from it, as users have it."""
    from landstrikes.releases.release import release

    folder = tmp_path_factory.mktemp("hostile-released") / "dataset"
    shutil.copytree(built_dataset, folder)
    documents_beside(folder)
    release(folder, "1.0.0", date="2026-01-20")
    return folder


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(name, built_dataset, released_gold, tmp_path):
    case_dir = HOSTILE / name
    case = yaml.safe_load((case_dir / "case.yaml").read_text(encoding="utf-8"))
    target = tmp_path / "work" / "input"
    _start(case.get("start", "built"), target, built_dataset, released_gold)
    _prepare(case_dir, target)
    args = [str(a).replace("{input}", str(target)).replace("{long}", "9" * 100_000) for a in case["command"]]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    try:
        proc = subprocess.run([sys.executable, "-m", "landstrikes", *args], capture_output=True, text=True,
                              errors="replace", cwd=tmp_path / "work", env=env, timeout=case.get("timeout", 60))
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: no answer within {case.get('timeout', 60)} s (a hang)")
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output, output[-3000:]
    assert proc.returncode == case["exit_code"], f"{name}: exit {proc.returncode}\n{output[-3000:]}"
    assert str(case["check"]) in output, f"{name}: {case['check']!r} not in output\n{output[-3000:]}"
