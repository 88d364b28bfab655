"""Rules the annotation guidelines state and the gold obeys, which `validate` did not check
(attack5; schema/guideline_rules.py checks them now). Each case is one buggy producer's row, every
id still derived and every span still equal to its text: validate must not call it VALID.
Cases: docs/notes/attack5/false_valid.py."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO
from landstrikes.schema import validate

_spec = importlib.util.spec_from_file_location("attack5_false_valid", REPO / "docs" / "notes" / "attack5" / "false_valid.py")
false_valid = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(false_valid)


def test_the_gold_copy_without_a_case_is_valid(tmp_path):
    """The cases start from a valid copy, so a VALID below is the case's doing."""
    for name in ("data", "raw"):
        import shutil

        shutil.copytree(REPO / "dataset" / name, tmp_path / "dataset" / name)
    assert validate(tmp_path / "dataset").ok


@pytest.mark.parametrize("case", sorted(false_valid.CASES))
def test_a_row_breaking_a_guideline_rule_is_not_valid(case, tmp_path):
    report = validate(false_valid.broken_copy(case, tmp_path / "dataset"))
    assert not report.ok, f"{case}: VALID ({false_valid.CASES[case].__doc__.split(':')[0]})"
