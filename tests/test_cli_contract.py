"""The CLI contract: every command, given any hostile path, exits with one of its documented codes,
prints no traceback, and changes nothing outside the folder it is meant to write.

Each case runs `python -m landstrikes` in its own temporary tree (all cases in parallel, once
per module); each test then checks one (command, input) pair against the contract.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from forkcli import run_in_children

ODD_NAME = "odd name ☃ $(x) 'q' \"d\" ;&"
EXIT_CODES = {
    "build": {0, 1, 2}, "validate": {0, 1, 2}, "agreement": {0, 2}, "stats": {0, 1, 2}, "export-schemas": {0, 2},
    "render": {0, 2}, "release": {0, 2}, "diff": {0, 1, 2}, "verify": {0, 1, 2}, "extract": {0, 2, 3}, "evaluate": {0, 2},
}
"""Each command's documented exit codes (README's CLI table and `--help`)."""


def argv(command: str, p: str, w: str) -> tuple[list[str], list[str]]:
    """The command with the hostile path p as its input (w: a scratch folder it may write); and
    the paths it is allowed to change."""
    return {
        "build": (["build", "--dataset", p], [p]),
        "validate": (["validate", p, "--json", f"{w}/report.json"], [w]),
        "agreement": (["agreement", "--dataset", p, "--out", f"{w}/agreement.json"], [w]),
        "stats": (["stats", "--dataset", p, "--check"], []),
        "export-schemas": (["export-schemas", "--out", p], [p]),
        "render": (["render", p, "--out", f"{w}/site"], [w]),
        "release": (["release", "9.9.9", "--dataset", p, "--changelog", f"{w}/CHANGELOG.md"], [p, w]),
        "diff": (["diff", p, p, "--json", f"{w}/diff.json"], [w]),
        "verify": (["verify", p], []),
        "extract": (["extract", p, "--out", f"{w}/silver"], [w]),
        "evaluate": (["evaluate", p, "--gold", p, "--json", f"{w}/evaluation.json"], [w]),
    }[command]


def make_garbage(folder: Path) -> None:
    """Every place a command looks, filled with bytes that are not what it expects."""
    junk = bytes(range(256)) * 4
    for rel in ("data/quotes/quotes.parquet", "data/articles/articles.parquet", "raw/a.txt", "a.txt",
                "annotations/entities.yaml", "README.md", "releases/1.0.0/MANIFEST.json",
                "releases/1.0.0/data/quotes/quotes.parquet", "agreement.json"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(junk)


def make_input(kind: str, root: Path, built: Path) -> Path:
    """The hostile path of one kind, under root."""
    if kind == "missing":
        return root / "no" / "such" / "folder"
    if kind == "file":
        path = root / "a-file.txt"
        path.write_text("not a folder\n")
        return path
    if kind == "empty":
        (root / "empty").mkdir()
        return root / "empty"
    if kind == "garbage":
        make_garbage(root / "garbage")
        return root / "garbage"
    if kind == "symlink-loop":
        os.symlink(root / "loop", root / "loop")
        return root / "loop"
    if kind == "odd-characters":  # a whole, valid dataset under an awkward name
        shutil.copytree(built, root / ODD_NAME, symlinks=True)
        return root / ODD_NAME
    raise ValueError(kind)


INPUTS = ["missing", "file", "empty", "garbage", "symlink-loop", "odd-characters"]
WRONG_OUT = {"render", "extract", "export-schemas"}
"""Commands with an output folder, also run with --out at a folder of other files and at the
dataset's annotations folder (expected: refused, exit 2, nothing changed)."""


def wrong_out_argv(command: str, dataset: Path, out: Path) -> list[str]:
    return {
        "render": ["render", str(dataset), "--out", str(out)],
        "extract": ["extract", str(dataset / "raw"), "--out", str(out)],
        "export-schemas": ["export-schemas", "--out", str(out)],
    }[command]


@dataclass
class Case:
    command: str
    kind: str
    root: Path
    args: list[str]
    allowed: list[str]
    expected: set[int]


def tree_digest(root: Path, allowed: list[str]) -> dict[str, str]:
    """Every entry under root (symlinks as their target text), except under the allowed paths."""
    skip = [os.path.abspath(a) for a in allowed]
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if any(path == s or path.startswith(s + os.sep) for s in skip):
                continue
            if os.path.islink(path):
                out[path] = "link:" + os.readlink(path)
            elif os.path.isfile(path):
                out[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            else:
                out[path] = "dir"
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
    return out


def topmost_missing(path: str) -> str:
    """A command may create its missing target with its missing parents (as `mkdir -p`)."""
    while not os.path.lexists(os.path.dirname(path)):
        path = os.path.dirname(path)
    return path


def cases(built: Path, base: Path) -> list[Case]:
    made = []
    for command in EXIT_CODES:
        for kind in INPUTS:
            root = base / f"{command}-{kind}"
            (root / "work").mkdir(parents=True)
            path = make_input(kind, root, built)
            args, allowed = argv(command, str(path), str(root / "work"))
            made.append(Case(command, kind, root, args, [topmost_missing(a) for a in allowed], EXIT_CODES[command]))
    for command in sorted(WRONG_OUT):
        for kind in ("out-full-of-other-files", "out-at-annotations"):
            root = base / f"{command}-{kind}"
            (root / "work").mkdir(parents=True)
            dataset = root / "dataset"
            shutil.copytree(built, dataset, symlinks=True)
            if kind == "out-full-of-other-files":
                out = root / "mine"
                for i in range(7):
                    (out / f"sub{i}").mkdir(parents=True)
                    (out / f"sub{i}" / "precious.txt").write_text(f"file {i}\n")
            else:
                out = dataset / "annotations"
            made.append(Case(command, kind, root, wrong_out_argv(command, dataset, out), [], {2}))
    return made


def run_all(all_cases: list[Case], base: Path) -> list[tuple]:
    """Every case in a child process (tests/forkcli.py: `python -m landstrikes` without re-importing)."""
    before = [tree_digest(c.root, c.allowed) for c in all_cases]
    jobs = [{"id": f"case{i}", "argv": c.args, "cwd": str(c.root / "work"), "logs": str(base),
             "env": {"HF_HOME": str(base / "hf-home")}} for i, c in enumerate(all_cases)]
    status = run_in_children(jobs, base)
    outcomes = []
    for i, case in enumerate(all_cases):
        output = (base / f"case{i}.out").read_text(errors="replace") + (base / f"case{i}.err").read_text(errors="replace")
        outcomes.append((status[f"case{i}"], output, before[i], tree_digest(case.root, case.allowed)))
    return outcomes


def python_m(case: Case) -> tuple[int, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    env.pop("LANDSTRIKES_FAULT", None)
    proc = subprocess.run([sys.executable, "-m", "landstrikes", *case.args], capture_output=True, text=True,
                          errors="replace", cwd=case.root / "work", env=env, timeout=180)
    return proc.returncode, proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def results(built_dataset, tmp_path_factory) -> dict[tuple[str, str], tuple]:
    base = tmp_path_factory.mktemp("contract")
    all_cases = cases(built_dataset, base / "cases")
    return {(c.command, c.kind): (c, *o) for c, o in zip(all_cases, run_all(all_cases, base))}


def known(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


XFAIL: dict[tuple[str, str], str] = {}
"""(command, input) pairs known to break the contract (strict xfail); empty since every branch merged."""

PAIRS = [(c, k) for c in EXIT_CODES for k in INPUTS] + \
    [(c, k) for c in sorted(WRONG_OUT) for k in ("out-full-of-other-files", "out-at-annotations")]


@pytest.mark.parametrize("command,kind", [
    pytest.param(c, k, marks=known(XFAIL[(c, k)])) if (c, k) in XFAIL else (c, k) for c, k in PAIRS
], ids=[f"{c}-{k}" for c, k in PAIRS])
def test_command_keeps_the_contract_on_hostile_input(command, kind, results):
    case, code, output, before, after = results[(command, kind)]
    assert "Traceback" not in output, output[-3000:]
    assert code in case.expected, f"exit {code}, documented {sorted(case.expected)}\n{output[-3000:]}"
    changed = sorted(set(before.items()) ^ set(after.items()))
    assert not changed, f"changed outside its target: {[path for path, _ in changed][:5]}"


def test_every_error_line_names_a_check_id(results):
    """One line naming what is wrong and its check id, for every command and hostile path: the id is
    what a CI log greps for (newuser43: several refusals printed `error: ...` with none)."""
    missing = [f"{pair}: {line[:200]}" for pair, (_, _, output, _, _) in sorted(results.items())
               for line in output.splitlines() if line.startswith("error: ") and not ERROR_LINE_ID.search(line)]
    assert not missing, "\n".join(missing)


ERROR_LINE_ID = re.compile(r"\[[a-z0-9]+(?:-[a-z0-9]+)*\]")
SAMPLE = [("validate", "missing"), ("render", "out-at-annotations"), ("export-schemas", "file"), ("build", "odd-characters")]


def test_the_child_runner_agrees_with_a_real_python_m(results):
    """The contract runs forked children for speed; on a sample, a fresh `python -m landstrikes` gives
    the same exit code and output (the build case runs last: it rewrites what it built)."""
    for pair in SAMPLE:
        case, code, output, _, _ = results[pair]
        real_code, real_output = python_m(case)
        assert (real_code, real_output) == (code, output), pair


def test_a_child_imports_no_module_its_runner_could_import_once(built_dataset, tmp_path):
    """forkcli imports what its jobs' commands import as they start once, before it forks: a child
    validating tables or extracting texts then imports no module of the package and not pyarrow's
    dataset layer itself (each extract child compiled the extractor's ~400 regular expressions)."""
    raw, data = tmp_path / "raw", tmp_path / "copy" / "data"
    raw.mkdir()
    (raw / "a.txt").write_text('The minister said: "We will rebuild the bridge."\n', encoding="utf-8")
    shutil.copytree(built_dataset / "data", data)
    commands = {"validate": ["validate", str(data)], "extract": ["extract", str(raw), "--out", str(tmp_path / "out")]}
    jobs = [{"id": name, "argv": args, "logs": str(tmp_path), "imported": str(tmp_path / f"{name}.imported")}
            for name, args in commands.items()]
    assert run_in_children(jobs, tmp_path) == {"validate": 0, "extract": 0}
    for name in commands:
        imported = (tmp_path / f"{name}.imported").read_text().split()
        assert [m for m in imported if m.startswith(("landstrikes.", "pyarrow.dataset"))] == [], name


@pytest.mark.parametrize("args", [["validate", "dataset/data"], ["diff", "1.0.0", "2.0.0"], ["verify"]], ids=" ".join)
def test_a_reader_that_closes_stdout_ends_the_command_quietly_with_exit_141(args):
    """`landstrikes diff ... | head`: no traceback from the closed pipe, the SIGPIPE exit code."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        done = subprocess.run([sys.executable, "-m", "landstrikes", *args], cwd=REPO, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    finally:
        os.close(write_end)
    assert done.returncode == 141 and done.stderr == "", done.stderr[-2000:]
