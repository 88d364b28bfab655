"""attack15: what `agreement` reads and where it writes.

- `--out` defaulted to `./dataset/agreement.json` whatever `--dataset` said: `agreement
  --dataset COPY` run from the repository overwrote the committed figures with the copy's (and
  from any other folder created `./dataset/`). The default is now `DIR/agreement.json`, the file
  `build` of DIR reads.
- A missing pass folder (a dataset without `annotations/second_pass/quotes`) was read as a pass
  with no rows: every figure 0.0, exit 0, written. It is now exit 2, one line naming the folder.
- The passes were read with `yaml.safe_load`: `occurrence: 010` was 8 (YAML 1.1 octal) and a
  repeated key kept its last value, where `build` refuses both in a source. They are now read
  with the sources' strict loader: `[yaml-number]`, `[duplicate-key]`, file:line, exit 2.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import with_pass_partners
from landstrikes.cli import main

QUOTES = Path("annotations") / "second_pass" / "quotes"


@pytest.fixture
def whole_copy(built_dataset, tmp_path) -> Path:
    target = tmp_path / "elsewhere" / "ds"
    shutil.copytree(built_dataset, target)
    (target / "agreement.json").unlink()
    return with_pass_partners(target)


def test_the_default_out_is_the_datasets_own_file(whole_copy, tmp_path, monkeypatch, capsys):
    cwd = tmp_path / "repo"
    (cwd / "dataset").mkdir(parents=True)
    sentinel = cwd / "dataset" / "agreement.json"
    sentinel.write_text('{"mine": 1}\n', encoding="utf-8")
    monkeypatch.chdir(cwd)
    assert main(["agreement", "--dataset", str(whole_copy)]) == 0
    assert sentinel.read_text(encoding="utf-8") == '{"mine": 1}\n'
    assert json.loads((whole_copy / "agreement.json").read_text(encoding="utf-8"))["quotes"]["span_exact"]["f1"] > 0.5
    assert str(whole_copy / "agreement.json") in capsys.readouterr().out


def _refused(dataset, tmp_path, capsys) -> str:
    """agreement on DATASET: exit 2, one line on stderr (returned), nothing written."""
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(dataset), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert not out.exists()
    return err


@pytest.mark.parametrize("missing", [QUOTES, Path("annotations") / "second_pass" / "stances_claims",
                                     Path("annotations") / "first_pass", Path("annotations")])
def test_a_missing_pass_is_refused_not_counted_as_empty(whole_copy, tmp_path, capsys, missing):
    shutil.rmtree(whole_copy / missing)
    assert "pass" in _refused(whole_copy, tmp_path, capsys)


def test_a_pass_folder_without_yaml_is_refused(whole_copy, tmp_path, capsys):
    for path in (whole_copy / QUOTES).glob("*.yaml"):
        path.unlink()
    assert str(whole_copy / QUOTES) in _refused(whole_copy, tmp_path, capsys)


@pytest.mark.parametrize("old, new, check", [
    ("  occurrence: 1\n", "  occurrence: 01\n", "yaml-number"),
    ("  occurrence: 1\n", "  occurrence: 1\n  occurrence: 2\n", "yaml-duplicate-key"),
    ("  nested_in: null\n", "  nested_in: null\n  extra: &a 1\n", "yaml-anchor"),
])
def test_the_passes_are_read_as_strictly_as_the_sources(whole_copy, tmp_path, capsys, old, new, check):
    source = whole_copy / QUOTES / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    err = _refused(whole_copy, tmp_path, capsys)
    assert "000_68b95635092649cd.yaml:" in err and f"[{check}]" in err, err


def test_a_pass_naming_an_article_the_table_lacks_is_named(whole_copy, tmp_path, capsys):
    source = whole_copy / QUOTES / "000_68b95635092649cd.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("article: 000_68b95635092649cd.txt", "article: 999_gone.txt", 1), encoding="utf-8")
    err = _refused(whole_copy, tmp_path, capsys)
    assert "999_gone.txt" in err and "[raw-missing]" in err, err
