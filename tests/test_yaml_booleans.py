"""A boolean in an annotation source is written true or false. libyaml's resolvers follow YAML
1.1, where `yes`, `no`, `on` and `off` (any case) are booleans too: `country: NO` is False and
`hypothetical: yes` is True, silently. attack14 left this open beside `yaml-number`; now each is
refused, one line `FILE:LINE: ... [yaml-bool]`, exit 2, whether it is a value, a key or a list item.
Seen failing on the code before: the loader read every form below as a boolean."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import copy_sources, edit_source
from landstrikes.annotations.yamlsource import SourceLoader, SourceProblem

SOURCE = "annotations/articles/002_f6c5fed12bcb1118.yaml"


@pytest.mark.parametrize("form", ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"])
@pytest.mark.parametrize("where", ["a: 1\nv: {form}\n", "a: 1\n{form}: 3\n", "a: 1\nv:\n  - {form}\n"])
def test_a_yaml_1_1_boolean_word_is_refused_on_its_line(form, where):
    text = where.format(form=form)
    with pytest.raises(SourceProblem) as err:
        SourceLoader(text).get_single_data()
    assert err.value.check == "yaml-bool" and err.value.line == text.count("\n")


@pytest.mark.parametrize(("form", "value"), [("true", True), ("false", False), ("True", True), ("FALSE", False),
                                             ('"NO"', "NO"), ("'yes'", "yes"), ("noon", "noon"), ("y", "y"), ("n", "n")])
def test_true_false_and_quoted_words_pass(form, value):
    assert SourceLoader(f"v: {form}\n").get_single_data() == {"v": value}


def test_a_yes_in_a_source_fails_the_build_naming_its_line(tmp_path):
    dataset = copy_sources(tmp_path / "dataset")
    old = "coordinated with Mexican authorities\", type: event, hedging: asserted, cluster: c-aguascalientes-coordinated, hypothetical: true}"
    line = (dataset / SOURCE).read_text(encoding="utf-8").split(old)[0].count("\n") + 1
    edit_source(dataset, SOURCE, old, old.replace("hypothetical: true", "hypothetical: yes"))
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)],
                          capture_output=True, text=True, timeout=120)
    err = proc.stderr
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and f"002_f6c5fed12bcb1118.yaml:{line}:" in err and "[yaml-bool]" in err
    assert not (dataset / "data").exists()
