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

from hostile_tools import edit
from landstrikes.cli import main

QUOTE_FILE = Path("annotations") / "second_pass" / "quotes" / "000_68b95635092649cd.yaml"
FIRST_FILE = Path("annotations") / "first_pass" / "stances_claims" / "000_68b95635092649cd.yaml"
THIRD_FILE = Path("annotations") / "third_pass" / "000_68b95635092649cd.yaml"
QUOTE = "- text: American forces will begin carrying out land strikes against drug cartels operating in Mexico\n  occurrence: 1\n"
EVIDENCE = "  evidence: the dramatic US military operation that led to the capture of Venezuelan leftist leader Nicolás Maduro and his wife\n  occurrence: 1\n"
CLAIM = "- text: After Maduro Operation, Trump Signals Land Strikes Against Mexico’s Drug Cartels\n  occurrence: 1\n"


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
    edit(whole_copy / relative, old, new)
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


STANCE = ("- holder: null\n  target: maduro-operation\n  label: neutral\n" + EVIDENCE)


@pytest.mark.parametrize("relative, old", [(FIRST_FILE, STANCE), (THIRD_FILE, None)])
def test_a_stance_key_given_twice_in_a_pass_is_refused(whole_copy, tmp_path, capsys, relative, old):
    """Stances are matched by (article, holder, target): a second row with that key replaced the
    first in a dict (its label won, the row count dropped), exit 0."""
    path = whole_copy / relative
    text = path.read_text(encoding="utf-8")
    if old is None:  # the third pass: repeat its first group stance with the other label
        start = text.index("- holder_kind: group\n")
        end = text.index("\n- ", start) + 1
        old = text[start:end]
    assert old in text
    twin = re.sub(r"label: \w+", "label: against" if "label: favor" in old else "label: favor", old, count=1)
    path.write_text(text.replace(old, old + twin, 1), encoding="utf-8")
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and re.search(rf"{re.escape(relative.name)}:\d+: ", err), err
    assert "stances[" in err and "[duplicate-id]" in err, err
    assert not out.exists()


@pytest.mark.parametrize("folder", [QUOTE_FILE.parent, FIRST_FILE.parent, THIRD_FILE.parent])
def test_two_pass_files_naming_one_article_are_refused(whole_copy, tmp_path, capsys, folder):
    """A copy of a pass file beside it (an editor's `000_... (copy).yaml`, a renamed backup) was read
    as more rows of the same article: every row of it counted twice, exit 0."""
    source = whole_copy / folder / "000_68b95635092649cd.yaml"
    shutil.copy(source, source.with_name("000_68b95635092649cd-copy.yaml"))
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "000_68b95635092649cd-copy.yaml" in err and "[duplicate-source]" in err, err
    assert "000_68b95635092649cd.yaml" in err.replace("000_68b95635092649cd-copy.yaml", ""), err
    assert not out.exists()


@pytest.mark.parametrize("relative, old, new, where", [
    (FIRST_FILE, "- holder: null\n  target: maduro-operation", "- holder: [a, b]\n  target: maduro-operation", "stances[0].holder"),
    (FIRST_FILE, "  target: maduro-operation\n  label: neutral", "  target: maduro-operation\n  label: {a: 1}", "stances[0].label"),
    (QUOTE_FILE, "  kind: indirect\n", "  kind: [indirect]\n", "quotes[0].kind"),
    (THIRD_FILE, "  cluster: land-strikes-announced\n", "  cluster: [land-strikes-announced]\n", "claims[0].cluster"),
    (THIRD_FILE, "quality_label: minor_issues\n", "quality_label: [minor_issues]\n", "quality_label"),
    (THIRD_FILE.parent / "clusters.yaml", "  record_status: matches\n", "  record_status: [matches]\n", "[0].record_status"),
])
def test_a_compared_field_that_is_no_text_is_refused(whole_copy, tmp_path, capsys, relative, old, new, where):
    """The labels and keys the figures compare are texts (or null): a list or mapping there stopped
    the command with `[internal-error] TypeError: unhashable type` (a key of a dict or Counter)."""
    edit(whole_copy / relative, old, new)
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "internal-error" not in err, err
    assert re.search(rf"{re.escape(relative.name)}:\d+: ", err) and where in err and "[wrong-type]" in err, err
    assert not out.exists()


@pytest.mark.parametrize("folder", [THIRD_FILE.parent, Path("annotations") / "gold_before_third_pass"])
def test_a_third_pass_file_is_read_whatever_its_name(whole_copy, tmp_path, folder):
    """The third pass and the gold frozen before it were globbed `0*.yaml`: a file named otherwise
    (`a000_....yaml`, or an article numbered from 100) was skipped, its rows missing from every
    figure, exit 0. Every YAML file but the cluster catalogue is read; the file names its article."""
    source = whole_copy / folder / "000_68b95635092649cd.yaml"
    source.rename(source.with_name("story-68b95635092649cd.yaml"))
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 0
    assert out.read_bytes() == (whole_copy / "agreement.json").read_bytes()
