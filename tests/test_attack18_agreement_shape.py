"""agreement.json of another shape is named in one line by every command that prints from it
(attack18). `build` (the card) and `stats` (the datasheet) read the figures `landstrikes
agreement` writes; a JSON file of another shape there (a report written over it before reports
were told apart, a hand edit, an older tool's output) ended them with `[internal-error]
KeyError: 'quotes'`, which names neither the file nor the figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import documents_beside


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
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("command", ["build", "stats"])
def test_agreement_figures_of_another_shape_are_one_line_naming_the_file(command, shape, whole_copy):
    documents_beside(whole_copy)
    figures = whole_copy / "agreement.json"
    figures.write_text(json.dumps(SHAPES[shape](_figures(whole_copy))), encoding="utf-8")
    data_before = sorted(p.read_bytes() for p in (whole_copy / "data").rglob("*.parquet"))
    argv = ["build", "--dataset", str(whole_copy)] if command == "build" else \
        ["stats", "--dataset", str(whole_copy), "--root", str(whole_copy.parent), "--check"]
    proc = _run(*argv)
    err = proc.stderr
    assert proc.returncode == 2, proc.stdout + err
    assert "internal-error" not in err and "Traceback" not in err, err
    assert "agreement.json" in err and "[bad-json]" in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert sorted(p.read_bytes() for p in (whole_copy / "data").rglob("*.parquet")) == data_before
