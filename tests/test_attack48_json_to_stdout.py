"""`--json -` prints the JSON report on standard output in place of the text report (attack48): it
had written a file named `-` into the current folder, and standard output held the text. A pipe
now reads one JSON document; `./-` still names a file called `-`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import DATASET


def _run(cwd, *args):
    return subprocess.run([sys.executable, "-m", "landstrikes", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.mark.parametrize("command, keys", [
    (("validate", DATASET / "data", "--json", "-"), {"path", "valid", "exit_code", "findings"}),
    (("diff", DATASET / "data", DATASET / "data", "--json", "-"), {"old", "new", "required_bump", "tables"}),
    (("evaluate", DATASET / "data", "--gold", DATASET, "--json", "-"), {"articles", "layers", "per_article"}),
    (("agreement", "--dataset", DATASET, "--out", "-"), {"quotes", "claims", "stances"}),
])
def test_a_dash_prints_the_json_report_alone_and_writes_no_file(tmp_path, command, keys):
    agreement = (DATASET / "agreement.json").read_bytes()
    done = _run(tmp_path, *command)
    assert done.returncode == 0, done.stderr
    assert keys <= set(json.loads(done.stdout))
    assert list(tmp_path.iterdir()) == []
    assert (DATASET / "agreement.json").read_bytes() == agreement


def test_the_exit_code_is_the_verdicts_with_a_dash_too(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy)
    (copy / "quotes" / "quotes.parquet").write_bytes(b"garbage")
    with_text, with_json = _run(tmp_path, "validate", copy), _run(tmp_path, "validate", copy, "--json", "-")
    assert with_json.returncode == with_text.returncode != 0
    report = json.loads(with_json.stdout)
    assert report["exit_code"] == with_text.returncode and not report["valid"]


def test_dot_slash_dash_still_names_a_file(tmp_path):
    done = _run(tmp_path, "validate", DATASET / "data", "--json", "./-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("VALID")
    assert json.loads((tmp_path / "-").read_text())["valid"] is True
