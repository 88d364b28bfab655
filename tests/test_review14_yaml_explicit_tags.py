"""review14: yaml-number and yaml-bool held for a plain scalar only. The same misreadings written
with an explicit tag passed: `low: !!int 0250000` built quantity_low 86016.0 (octal) and the build
said VALID, `!!int '010'` was 8, `!!float 1:20` was 80.0, `!!bool yes` was True. And a tagged value
the constructor cannot read (`!!bool maybe`, `!!int ''`) escaped as KeyError / IndexError: an
internal error, not `FILE:LINE: ... [yaml-value]`. Seen failing on main's code (every case below)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_sources, edit_source, line_of
from landstrikes.annotations.yamlsource import SourceLoader, SourceProblem


@pytest.mark.parametrize(("text", "check"), [
    ("a: 1\nv: !!int 010\n", "yaml-number"),
    ("a: 1\nv: !!int '010'\n", "yaml-number"),
    ("a: 1\nv: !!int 0x1F\n", "yaml-number"),
    ("a: 1\nv: !!float 1:20\n", "yaml-number"),
    ("a: 1\nv: !!bool yes\n", "yaml-bool"),
    ("a: 1\nv: !!bool 'NO'\n", "yaml-bool"),
    ("a: 1\nv: !!bool maybe\n", "yaml-value"),
    ("a: 1\nv: !!int ''\n", "yaml-value"),
])
def test_an_explicit_tag_does_not_bypass_the_refusals(text, check):
    with pytest.raises(SourceProblem) as err:
        SourceLoader(text).get_single_data()
    assert err.value.check == check and err.value.line == 2


@pytest.mark.parametrize(("text", "value"), [("v: !!int 25\n", 25), ("v: !!bool true\n", True),
                                             ("v: !!float 0.5\n", 0.5), ("v: !!str NO\n", "NO"),
                                             ("v: !!str 010\n", "010")])
def test_explicit_tags_on_plain_values_still_read(text, value):
    assert SourceLoader(text).get_single_data() == {"v": value}


def test_a_tagged_octal_quantity_fails_the_build(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    source = "annotations/articles/000_68b95635092649cd.yaml"
    edit_source(dataset, source, "quantity: {low: 250000, high: 300000, unit: deaths/year, bound: range}, hedging: attributed",
                "quantity: {low: !!int 0250000, high: 300000, unit: deaths/year, bound: range}, hedging: attributed")
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    line = line_of(dataset, source, "quantity: {low: !!int 0250000")
    assert proc.stderr.count("\n") == 1 and f"000_68b95635092649cd.yaml:{line}:" in proc.stderr and "[yaml-number]" in proc.stderr
