"""Every folder under tests/hostile/ is one hostile input with its expected exit code and check id;
none may give a traceback, a hang or a false VALID.

Every case is prepared and run once per module, in forked children of one interpreter that has
imported the package (tests/forkcli.py: `python -m landstrikes` without paying the imports 173
times); each test then checks its own case. A sample is also run as a fresh `python -m`."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import documents_beside
from forkcli import run_in_children
from test_attack18_tilde_paths import _tree

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if (p / "case.yaml").is_file()) if HOSTILE.is_dir() else []
DEFAULT_TIMEOUT = 60


def _start(kind: str, target: Path, built: Path, released: Path) -> None:
    if kind == "built":
        shutil.copytree(built, target, symlinks=True)
    elif kind == "sources":
        target.mkdir(parents=True)
        for part in ("raw", "annotations"):
            shutil.copytree(built / part, target / part)
        if (built / "agreement.json").exists():
            shutil.copy2(built / "agreement.json", target / "agreement.json")
    elif kind == "released":  # `released` is released_start: copied as it is, beside it included
        target.parent.mkdir(parents=True, exist_ok=True)
        for entry in released.parent.iterdir():
            if entry == released:
                shutil.copytree(entry, target, symlinks=True)
            elif entry.is_dir():
                shutil.copytree(entry, target.parent / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, target.parent / entry.name)
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


def _released_the_long_way(released: Path, target: Path) -> None:
    """A copy of the released gold, its CHANGELOG beside it and the documents in sync with its tables."""
    shutil.copytree(released, target, symlinks=True)
    shutil.copy(released.parent / "CHANGELOG.md", target.parent / "CHANGELOG.md")
    documents_beside(target)


@pytest.fixture(scope="module")
def released_start(released_gold, tmp_path_factory) -> Path:
    """What every `released` case starts from, made once (the documents' numbers took 0.2-0.3 s a case)."""
    target = tmp_path_factory.mktemp("hostile-released-start") / "input"
    _released_the_long_way(released_gold, target)
    return target


def _case(name: str) -> dict:
    return yaml.safe_load((HOSTILE / name / "case.yaml").read_text(encoding="utf-8"))


def _input_and_args(name: str, case: dict, work: Path, built: Path, released: Path) -> list[str]:
    """The case's fresh input folder under work/, and its command with `{input}` and `{long}` filled in."""
    target = work / "input"
    _start(case.get("start", "built"), target, built, released)
    _prepare(HOSTILE / name, target)
    return [str(a).replace("{input}", str(target)).replace("{long}", "9" * 100_000) for a in case["command"]]


@pytest.fixture(scope="module")
def outcomes(built_dataset, released_start, tmp_path_factory) -> dict[str, tuple]:
    """{case: (exit status or None for a hang, output, its work folder)} of every case, or the
    exception its preparation raised."""
    base = tmp_path_factory.mktemp("hostile-cases")
    logs = base / "logs"
    logs.mkdir()
    jobs, failed = [], {}
    for name in CASES:
        case, work = _case(name), base / name / "work"
        try:
            args = _input_and_args(name, case, work, built_dataset, released_start)
        except Exception as exc:  # noqa: BLE001  (reported by that case's test, not by every test)
            failed[name] = exc
            continue
        jobs.append({"id": name, "argv": args, "cwd": str(work), "logs": str(logs),
                     "timeout": case.get("timeout", DEFAULT_TIMEOUT)})
    status = run_in_children(jobs, base)
    results = {name: (code, (logs / f"{name}.out").read_text(errors="replace")
                      + (logs / f"{name}.err").read_text(errors="replace"), base / name / "work")
               for name, code in status.items()}
    for job in jobs:  # the inputs (one holds a 50 MB line) are not looked at again
        shutil.rmtree(base / job["id"], ignore_errors=True)
    return {**results, **failed}


def _assert_case(name: str, case: dict, code: int | None, output: str) -> None:
    if code is None:
        pytest.fail(f"{name}: no answer within {case.get('timeout', DEFAULT_TIMEOUT)} s (a hang)")
    assert "Traceback" not in output, output[-3000:]
    assert code == case["exit_code"], f"{name}: exit {code}\n{output[-3000:]}"
    assert str(case["check"]) in output, f"{name}: {case['check']!r} not in output\n{output[-3000:]}"


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(name, outcomes):
    outcome = outcomes[name]
    if isinstance(outcome, Exception):
        raise outcome
    code, output, _ = outcome
    _assert_case(name, _case(name), code, output)


SAMPLE = ["build-yaml-aliases", "validate-decompression-bomb", "diff-duplicate-id-hides-a-changed-row",
          "extract-duplicate-texts", "build-missing-dataset"]
"""Cases of four commands and every start, run again as a fresh `python -m landstrikes`. The
extract case is one that writes its tables (exit 0) in a fraction of a second: the sample asks
whether a fresh process answers as the forked child did, which the 3-CPU-s speaker cases of the
batch (extract-speaker-patterns was the sample's until session 26) answer no better."""


def _python_m(args: list[str], cwd: Path, timeout: float) -> tuple[int | None, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    try:
        proc = subprocess.run([sys.executable, "-m", "landstrikes", *args], capture_output=True, text=True,
                              errors="replace", cwd=cwd, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, ""
    return proc.returncode, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", SAMPLE)
def test_a_fresh_python_m_gives_what_the_forked_child_gave(name, outcomes, built_dataset, released_start,
                                                            tmp_path):
    """The cases run in forked children for speed; a sample run as `python -m` keeps each case's
    contract and gives the child's exit code and output (the work folder's path aside)."""
    case, work = _case(name), tmp_path / name / "work"
    code, output = _python_m(_input_and_args(name, case, work, built_dataset, released_start), work,
                             case.get("timeout", DEFAULT_TIMEOUT))
    _assert_case(name, case, code, output)
    child_code, child_output, child_work = outcomes[name]
    assert code == child_code
    assert output.replace(str(work), "WORK") == child_output.replace(str(child_work), "WORK")


def test_a_case_still_running_after_its_timeout_is_reported_as_a_hang(built_dataset, tmp_path):
    """A child past its case's timeout is killed and reported as no answer (None), which the case's
    test fails as a hang: here a build held asleep at its lock for 60 s, with a 1 s timeout."""
    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    job = {"id": "asleep", "argv": ["build", "--dataset", str(dataset)], "logs": str(tmp_path),
           "fault": "build:locked@sleep=60", "timeout": 1}
    assert run_in_children([job], tmp_path) == {"asleep": None}
    with pytest.raises(pytest.fail.Exception, match="no answer within 1 s"):
        _assert_case("asleep", {"timeout": 1, "exit_code": 0, "check": ""}, None, "")


def test_a_released_start_is_what_the_case_made_for_itself_before(released_gold, released_start, tmp_path):
    """The template copied gives the files each `released` case used to make: the released gold,
    its CHANGELOG and the documents synced from its tables."""
    made, copied = tmp_path / "made" / "input", tmp_path / "copied" / "input"
    _released_the_long_way(released_gold, made)
    _start("released", copied, tmp_path / "unused", released_start)
    assert _tree(copied.parent) == _tree(made.parent)
    assert (copied / "releases" / "1.0.0").is_dir() and (copied.parent / "DATASHEET.md").is_file()


ERROR_LINE_ID = re.compile(r"\[[a-z0-9]+(?:-[a-z0-9]+)*\]")


def test_every_error_line_of_every_case_names_a_check_id(outcomes):
    """README's contract: bad input gets one line naming what is wrong and its check id, so a CI
    log can grep for it. newuser43: an unknown release, a malformed --pin, a refused release and
    `evaluate` with nothing in common printed `error: ...` with no id."""
    missing = [f"{name}: {line[:200]}" for name, outcome in sorted(outcomes.items()) if not isinstance(outcome, Exception)
               for line in outcome[1].splitlines() if line.startswith("error: ") and not ERROR_LINE_ID.search(line)]
    assert not missing, "\n".join(missing)
