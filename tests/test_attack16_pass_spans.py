"""attack16: a pass item whose span cannot be placed in its article is refused, not counted.

`agreement` placed each first-, second- and third-pass item by its text (or evidence) and
`occurrence`; a text not in the article, an `occurrence` past the count or below 1 (0 was read as
1: `occurrence or 1`), an empty text, or a text occurring more than once with no `occurrence`
(the first was taken) was silently a row matching nothing, or the wrong place: the figures moved,
exit 0 (review15's open item). `build` refuses each in a source (`span-not-found`,
`span-ambiguous`); the passes are now read the same way: one line naming the file, layer, item
and field, exit 2, nothing written. No committed pass holds such an item (2,455 spans checked).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from landstrikes.cli import main

QUOTE_FILE = Path("annotations") / "second_pass" / "quotes" / "000_68b95635092649cd.yaml"
FIRST_FILE = Path("annotations") / "first_pass" / "stances_claims" / "000_68b95635092649cd.yaml"
THIRD_FILE = Path("annotations") / "third_pass" / "000_68b95635092649cd.yaml"
QUOTE = "- text: American forces will begin carrying out land strikes against drug cartels operating in Mexico\n  occurrence: 1\n"
EVIDENCE = "  evidence: the dramatic US military operation that led to the capture of Venezuelan leftist leader Nicolás Maduro and his wife\n  occurrence: 1\n"
CLAIM = "- text: After Maduro Operation, Trump Signals Land Strikes Against Mexico’s Drug Cartels\n  occurrence: 1\n"


@pytest.fixture
def whole_copy(built_dataset, tmp_path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(built_dataset, target)
    return target


def _edit(dataset: Path, relative: Path, old: str, new: str) -> None:
    path = dataset / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("relative, old, new, check, where", [
    (QUOTE_FILE, QUOTE, QUOTE.replace("in Mexico", "in Canada"), "span-not-found", "quotes[0].text"),
    (QUOTE_FILE, QUOTE, QUOTE.replace("occurrence: 1", "occurrence: 0"), "span-not-found", "quotes[0].occurrence"),
    (QUOTE_FILE, QUOTE, QUOTE.replace("occurrence: 1", "occurrence: 2"), "span-not-found", "quotes[0].occurrence"),
    (QUOTE_FILE, QUOTE, QUOTE.replace("occurrence: 1", "occurrence: -1"), "span-not-found", "quotes[0].occurrence"),
    (QUOTE_FILE, QUOTE, "- text: Trump\n", "span-ambiguous", "quotes[0].text"),
    (QUOTE_FILE, QUOTE, "- text: ''\n  occurrence: 1\n", "wrong-type", "quotes[0].text"),
    (FIRST_FILE, EVIDENCE, EVIDENCE.replace("his wife", "his son"), "span-not-found", "stances[0].evidence"),
    (THIRD_FILE, CLAIM, CLAIM.replace("Land Strikes", "Sea Strikes"), "span-not-found", "claims[0].text"),
])
def test_an_unplaceable_pass_span_is_refused(whole_copy, tmp_path, capsys, relative, old, new, check, where):
    _edit(whole_copy, relative, old, new)
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert re.search(rf"{re.escape(relative.name)}:\d+: ", err) and where in err and f"[{check}]" in err, err
    assert not out.exists()


def test_the_committed_passes_still_give_the_committed_figures(whole_copy, tmp_path):
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 0
    assert out.read_bytes() == (whole_copy / "agreement.json").read_bytes()
