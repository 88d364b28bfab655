"""review14: `stats.strict_json` (attack14) let json's RecursionError through on an agreement.json
nested a hundred thousand deep: `build` and `stats` printed `[internal-error] RecursionError ...
(please report this input)` instead of naming the file as bad JSON. Seen failing on main's code
(build: internal-error; load_agreement: RecursionError, not StatsInputError)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_sources
from landstrikes.documents.stats import StatsInputError, load_agreement


def test_a_deeply_nested_agreement_file_is_bad_json(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    path = dataset / "agreement.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "[bad-json]" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    with pytest.raises(StatsInputError):
        load_agreement(path)
