"""review15: a pass file whose layer is not a list of mappings, whose item lacks a field the
figures read, or whose span text is not text, stopped `agreement` with `[internal-error]
TypeError/KeyError ...` naming no file (exit 2, but no place to fix). Each is now one line
naming the file, the layer and item, and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from landstrikes.cli import main

STANCES = Path("annotations") / "first_pass" / "stances_claims" / "002_f6c5fed12bcb1118.yaml"
THIRD = Path("annotations") / "third_pass"
ARTICLE = "article: 002_f6c5fed12bcb1118.txt\n"


@pytest.mark.parametrize("body, where, check", [
    ("stances: 5\n", "stances", "wrong-type"),
    ("stances:\n- 5\n", "stances[0]", "wrong-type"),
    ("stances:\n- holder: x\n", "stances[0]", "missing-field"),
    ("claims: [1]\n", "claims[0]", "wrong-type"),
    ("claims:\n- text: 5\n  consistency: corroborated\n  claim_type: statistic\n", "claims[0].text", "wrong-type"),
    ("stances:\n- target: y\n  label: favor\n  evidence: White House\n  occurrence: one\n", "stances[0].occurrence", "wrong-type"),
])
def test_a_malformed_pass_item_is_one_line_naming_it(whole_copy, tmp_path, capsys, body, where, check):
    (whole_copy / STANCES).write_text(ARTICLE + body, encoding="utf-8")
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "internal-error" not in err, err
    assert "002_f6c5fed12bcb1118.yaml" in err and where in err and f"[{check}]" in err, err
    assert not out.exists()


def test_a_malformed_third_pass_item_is_one_line_naming_it(whole_copy, tmp_path, capsys):
    path = sorted((whole_copy / THIRD).glob("0*.yaml"))[0]
    article = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("article:"))
    path.write_text(article + "\nquality_flags:\n- evidence: x\n", encoding="utf-8")
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(tmp_path / "a.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert path.name in err and "quality_flags[0]" in err and "[missing-field]" in err, err


@pytest.mark.parametrize("body, where, check", [
    ("id: x\n", "clusters.yaml", "wrong-type"),
    ("- 5\n", "clusters.yaml: [0]", "wrong-type"),
    ("- proposition: p\n", "clusters.yaml: [0]", "missing-field"),
])
def test_a_malformed_third_pass_cluster_catalogue_is_one_line_naming_it(whole_copy, tmp_path, capsys, body, where, check):
    (whole_copy / THIRD / "clusters.yaml").write_text(body, encoding="utf-8")
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(tmp_path / "a.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and where in err and f"[{check}]" in err, err
