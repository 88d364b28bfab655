"""A number in an annotation source means what its digits say (attack14). libyaml's resolvers
follow YAML 1.1, where `0250000` is octal (86016), `1:20` is base 60 (80), `0x1f` and `0b11` are
hexadecimal and binary and `1_000` is 1000: `quantity: {low: 0250000, ...}` on the claim
"between 250,000 and 300,000 Americans ..." built quantity_low 86016.0, VALID, and `n: 010` chose
the 8th occurrence of a span. Now each is refused, one line `FILE:LINE: ... [yaml-number]`, exit 2.
Seen failing on main's code: the build wrote 86016.0; the loader read every form below."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_sources, edit_source, line_of
from landstrikes.annotations.yamlsource import SourceLoader, SourceProblem

SOURCE = "annotations/articles/000_68b95635092649cd.yaml"


@pytest.mark.parametrize("form", ["010", "00", "0b11", "0x1f", "1:20", "1_000", "-010", "190:20:30.15", "1_000.5"])
def test_a_number_yaml_reads_other_than_its_digits_is_refused(form):
    with pytest.raises(SourceProblem) as err:
        SourceLoader(f"a: 1\nv: {form}\n").get_single_data()
    assert err.value.check == "yaml-number" and err.value.line == 2


@pytest.mark.parametrize(("form", "value"), [("0", 0), ("10", 10), ("-3", -3), ("+12", 12), ("1.5", 1.5),
                                             ("0250000.5", 250000.5), ('"010"', "010"), ("'1:20'", "1:20"),
                                             ("1e3", "1e3"), ("0o10", "0o10")])
def test_attack_held_plain_decimals_and_quoted_text_pass(form, value):
    assert SourceLoader(f"v: {form}\n").get_single_data() == {"v": value}


def test_a_zero_padded_quantity_fails_the_build_naming_its_line(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    edit_source(dataset, SOURCE, "quantity: {low: 250000, high: 300000", "quantity: {low: 0250000, high: 300000")
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    err = proc.stderr
    assert proc.returncode == 2, err
    line = line_of(dataset, SOURCE, "quantity: {low: 0250000")
    assert err.count("\n") == 1 and f"000_68b95635092649cd.yaml:{line}:" in err and "[yaml-number]" in err
    assert not (dataset / "data").exists()
