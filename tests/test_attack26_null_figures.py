"""A figures file that holds JSON null, or an empty object, is one of another shape, not a file
that is not there. `load_agreement` returned None for both an absent file and one holding
`null`, and the blocks took an empty object for no evaluation: with dataset/silver_evaluation.json
holding `null` or `{}`, `stats` wrote "`dataset/silver_evaluation.json` is missing: run ..." into
DATASHEET and README over the extractor's figures (and `stats --check` called the blocks drifted
"from the tables"); agreement.json holding `null` made the card and the datasheet say no
agreement was ever recorded (attack26; the agreement.json case is in
tests/test_attack18_agreement_shape.py's shapes). Each is now one line naming the file, exit 2."""

from __future__ import annotations

import subprocess

import pytest

from test_silver_evaluation import CLI
from test_stats import docs_copy  # noqa: F401 (a fixture)
from landstrikes.documents.silverdoc import SILVER_JSON


@pytest.mark.parametrize("content, problem", [("null", "null"), ("{}", "'layers'"), ("  null\n", "null")])
def test_an_evaluation_of_null_or_an_empty_object_is_one_line_naming_the_file(docs_copy, content, problem):  # noqa: F811
    root = docs_copy
    (root / "dataset" / SILVER_JSON).write_text(content, encoding="utf-8")
    before = (root / "DATASHEET.md").read_bytes(), (root / "README.md").read_bytes()
    for check in (["--check"], []):
        done = subprocess.run([*CLI, "stats", "--dataset", str(root / "dataset"), *check], capture_output=True, text=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1 and SILVER_JSON in done.stderr and problem in done.stderr and "[bad-json]" in done.stderr
    assert ((root / "DATASHEET.md").read_bytes(), (root / "README.md").read_bytes()) == before
