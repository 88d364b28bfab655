"""attack32: a second-pass quote without `kind` or `speaker_status` is one line naming it.

`agreement` compares both fields of every matched quote pair (kind kappa, speaker-status kappa),
but the quotes layer listed no field it reads, so an item lacking one stopped the command with
`[internal-error] KeyError: 'kind'`, naming no file (review15 had mended the same for stances
and claims)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from landstrikes.cli import main

QUOTES = Path("annotations") / "second_pass" / "quotes" / "000_68b95635092649cd.yaml"


@pytest.mark.parametrize("field, replacement", [("kind", ""), ("speaker_status", ""), ("kind", r"  \1: null\n")])
def test_a_second_pass_quote_without_a_compared_field_is_one_line_naming_it(whole_copy, tmp_path, capsys, field, replacement):
    path = whole_copy / QUOTES
    text, count = re.subn(rf"^  ({field}): .*\n", replacement, path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert count == 1
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "internal-error" not in err, err
    assert "000_68b95635092649cd.yaml" in err and "quotes[0]" in err and field in err and "[missing-field]" in err, err
    assert not out.exists()
