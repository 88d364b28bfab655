"""A span given twice in an annotation pass is refused, not counted twice.

The gold holds one quote, one claim and one flag of a kind per span (their ids are the span:
`<article>:c:<start>-<end>`), and the fourth pass's mentions and every pass's stance keys were
already refused when repeated (attack16). attack26 repeated a row of each other layer: a quote
of the second pass, a claim of the first and third, a flag of the third, and a line of the fifth
pass's quotes and flags and of the eighth pass's claims. Each was counted as one more row: the
extra row matched nothing, so precision and F1 fell and `agreement` wrote the figures, exit 0
(the DATASHEET and the card print them). Each is now one line naming the file and the repeat,
[duplicate-id], exit 2, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from landstrikes.cli import main

ARTICLE = "000_68b95635092649cd.yaml"
YAML_REPEATS = [
    (Path("annotations") / "second_pass" / "quotes" / ARTICLE, "quotes:\n", "quotes["),
    (Path("annotations") / "first_pass" / "stances_claims" / ARTICLE, "claims:\n", "claims["),
    (Path("annotations") / "third_pass" / ARTICLE, "claims:\n", "claims["),
    (Path("annotations") / "third_pass" / ARTICLE, "quality_flags:\n", "quality_flags["),
]
TSV_REPEATS = [
    Path("annotations") / "fifth_pass" / "quotes.tsv",
    Path("annotations") / "fifth_pass" / "quality_flags.tsv",
    Path("annotations") / "sixth_pass" / "claims.tsv",
    Path("annotations") / "eighth_pass" / "claims.tsv",
]


def _refused(folder: Path, tmp_path: Path, capsys, name: str) -> str:
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(folder), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert re.search(rf"{re.escape(name)}:\d+: ", err) and "[duplicate-id]" in err, err
    assert not out.exists()
    return err


@pytest.mark.parametrize("relative, layer, where", YAML_REPEATS, ids=lambda v: str(v).replace("/", "-"))
def test_a_yaml_pass_item_given_twice_is_refused(whole_copy, tmp_path, capsys, relative, layer, where):
    path = whole_copy / relative
    text = path.read_text(encoding="utf-8")
    start = text.index(layer) + len(layer)
    end = text.index("\n- ", start) + 1  # the layer's first item
    path.write_text(text[:end] + text[start:end] + text[end:], encoding="utf-8")
    err = _refused(whole_copy, tmp_path, capsys, relative.name)
    assert f"{where}1]" in err and f"{where}0]" in err, err


@pytest.mark.parametrize("relative", TSV_REPEATS, ids=lambda v: v.parent.name + "-" + v.name)
def test_a_tsv_pass_row_given_twice_is_refused(whole_copy, tmp_path, capsys, relative):
    path = whole_copy / relative
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    err = _refused(whole_copy, tmp_path, capsys, relative.name)
    assert f"{relative.name}:{len(lines) + 1}: " in err and "line 2" in err, err


def test_the_committed_passes_repeat_no_span(whole_copy, tmp_path):
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 0
