"""agreement.json of another shape is named in one line by every command that prints from it
(attack18). `build` (the card) and `stats` (the datasheet) read the figures `landstrikes
agreement` writes; a JSON file of another shape there (a report written over it before reports
were told apart, a hand edit, an older tool's output) ended them with `[internal-error]
KeyError: 'quotes'`, which names neither the file nor the figure.

Every case is set up and run once per module, in forked children of one interpreter that has
imported the package (tests/forkcli.py); each test checks its own case. One case is also run as
a fresh `python -m`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import documents_beside, with_pass_partners
from forkcli import run_in_children
from test_attack18_tilde_paths import _tree


def _run(*argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)


def _figures(dataset) -> dict:
    return json.loads((dataset / "agreement.json").read_text(encoding="utf-8"))


def _without(figures: dict, *path: str) -> dict:
    inner = figures
    for key in path[:-1]:
        inner = inner[key]
    del inner[path[-1]]
    return figures


def _retyped(figures: dict, *path: str) -> dict:
    inner = figures
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = "n/a"
    return figures


SHAPES = {
    "a validate report": lambda f: {"path": "dataset", "valid": True, "exit_code": 0, "tables": {}, "findings": []},
    "a list": lambda f: [f],
    "no quotes": lambda f: _without(f, "quotes"),
    "no speaker agreement": lambda f: _without(f, "quotes", "speaker_agreement"),
    "a key count as text": lambda f: _retyped(f, "stances", "shared_keys"),
    "a per-article figure missing": lambda f: _without(f, "quotes", "per_article", sorted(f["quotes"]["per_article"])[0], "f1"),
    "an adjudication count missing": lambda f: _without(f, "adjudication", "stances", "second_pass_rejected"),
    # attack26: JSON null was read as "never computed", and the documents were told no agreement was recorded
    "JSON null": lambda f: None,
}


COMMANDS = ["build", "stats"]


def _documented(built: Path, root: Path) -> Path:
    """A whole copy of the built dataset under root/ds (as the whole_copy fixture makes it), with
    the documents beside it in sync with its tables: what every case starts from."""
    return documents_beside(with_pass_partners(Path(shutil.copytree(built, root / "ds"))))


@pytest.fixture(scope="module")
def documented(built_dataset, tmp_path_factory) -> Path:
    """`_documented`, made once (the documents' numbers and figures took ~0.3 CPU-s a case)."""
    return _documented(built_dataset, tmp_path_factory.mktemp("agreement-shape-start"))


def _case(documented: Path, root: Path, command: str, shape: str) -> tuple[list[str], list[bytes]]:
    """A copy of `documented` (its folder and the documents beside it) under root/ whose
    agreement.json has the shape; the command, and the bytes of its tables before it runs."""
    shutil.copytree(documented.parent, root, symlinks=True, dirs_exist_ok=True)
    dataset = root / "ds"
    figures = dataset / "agreement.json"
    figures.write_text(json.dumps(SHAPES[shape](_figures(dataset))), encoding="utf-8")
    data_before = sorted(p.read_bytes() for p in (dataset / "data").rglob("*.parquet"))
    argv = ["build", "--dataset", str(dataset)] if command == "build" else \
        ["stats", "--dataset", str(dataset), "--root", str(dataset.parent), "--check"]
    return argv, data_before


def _id(command: str, shape: str) -> str:
    return f"{command}-{shape.replace(' ', '-')}"


@pytest.fixture(scope="module")
def outcomes(documented, tmp_path_factory) -> dict[str, tuple]:
    """{case: (exit status, stdout, stderr, its dataset, its tables' bytes before the run)}."""
    base = tmp_path_factory.mktemp("agreement-shape")
    jobs, before = [], {}
    for command in COMMANDS:
        for shape in SHAPES:
            name = _id(command, shape)
            argv, before[name] = _case(documented, base / name, command, shape)
            jobs.append({"id": name, "argv": argv, "logs": str(base), "timeout": 300})
    status = run_in_children(jobs, base)
    return {name: (code, (base / f"{name}.out").read_text(errors="replace"),
                   (base / f"{name}.err").read_text(errors="replace"), base / name / "ds", before[name])
            for name, code in status.items()}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("command", COMMANDS)
def test_agreement_figures_of_another_shape_are_one_line_naming_the_file(command, shape, outcomes):
    code, stdout, err, dataset, data_before = outcomes[_id(command, shape)]
    assert code == 2, stdout + err
    assert "internal-error" not in err and "Traceback" not in err, err
    assert "agreement.json" in err and "[bad-json]" in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert sorted(p.read_bytes() for p in (dataset / "data").rglob("*.parquet")) == data_before


def test_a_fresh_python_m_names_the_file_as_the_forked_child_did(outcomes, documented, tmp_path):
    """The cases run in forked children for speed; one run as `python -m` gives the same answer."""
    argv, _ = _case(documented, tmp_path, "stats", "no quotes")
    proc = _run(*argv)
    code, _, err, dataset, _ = outcomes[_id("stats", "no quotes")]
    assert proc.returncode == code
    assert proc.stderr.replace(str(tmp_path / "ds"), "DS") == err.replace(str(dataset), "DS")


def test_a_case_starts_from_what_it_made_for_itself_before(documented, built_dataset, tmp_path):
    """The start copied from `documented` holds the entries and bytes each case made for itself
    before (a whole copy, the pass partners, the documents synced from its tables)."""
    made = _documented(built_dataset, tmp_path / "made")
    copied = tmp_path / "copied"
    shutil.copytree(documented.parent, copied, symlinks=True)
    assert _tree(copied) == _tree(made.parent)
    assert (copied / "DATASHEET.md").is_file() and (copied / "ds" / "agreement.json").is_file()
