"""agreement.json is read as `landstrikes agreement` writes it (attack14): `json.loads` took a key
given twice (the last won), NaN, Infinity and 1e999 (read as inf), and the build printed
"consistency kappa inf" into the dataset card, exit 0. Now `build` refuses each, one line,
`[bad-json]`, exit 2, and `stats` names the file (exit 2). Seen exit 0 on main's code."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_sources
from landstrikes.documents.stats import StatsInputError, load_agreement

KAPPA = '"consistency_kappa": 0.8372'


@pytest.mark.parametrize("lie", ['"consistency_kappa": NaN', '"consistency_kappa": Infinity', '"consistency_kappa": 1e999',
                                 '"consistency_kappa": 0.8372, "consistency_kappa": 0.99'])
def test_agreement_figures_that_json_loads_would_bend_are_refused(tmp_path, lie):
    dataset = copy_sources(tmp_path / "dataset")
    path = dataset / "agreement.json"
    text = path.read_text(encoding="utf-8")
    assert text.count(KAPPA) == 1
    path.write_text(text.replace(KAPPA, lie), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "[bad-json]" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert not (dataset / "data").exists()
    with pytest.raises(StatsInputError):
        load_agreement(path)


def test_attack_held_the_real_figures_load(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    assert load_agreement(dataset / "agreement.json")["claims"]["consistency_kappa"] == 0.8372
