"""An extractor evaluation scored against other gold is refused by `stats`, `stats --check` and
`release`, in one line naming dataset/silver_evaluation.json.

The documents print the JSON's figures "against this release's gold", and `stats --check` proved
only that the documents print the JSON: a JSON left from an earlier gold (other articles, another
number of gold quotes) whose figures the documents had been regenerated from passed `stats
--check` and `release`, exit 0 (attack26); only the slow test that re-runs extract and evaluate
could see it. The JSON's articles and gold row counts (quotes, mentions, segments) are now held
to the tables'."""

from __future__ import annotations

import json
import subprocess

import pytest

from test_silver_evaluation import CLI
from test_stats import docs_copy  # noqa: F401 (a fixture)
from landstrikes.documents.silverdoc import SILVER_JSON


def _stale(root, edit) -> None:
    path = root / "dataset" / SILVER_JSON
    silver = json.loads(path.read_text(encoding="utf-8"))
    edit(silver, root)
    path.write_text(json.dumps(silver, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _fewer_articles(silver, root):
    silver["articles"] = silver["articles"][:-1]


def _another_quote_count(silver, root):
    silver["layers"]["quotes"]["gold"] += 1
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert "quotes       103" in text
    readme.write_text(text.replace("quotes       103", "quotes       104", 1), encoding="utf-8")


@pytest.mark.parametrize("edit, problem", [(_fewer_articles, "articles"), (_another_quote_count, "quotes")])
def test_an_evaluation_of_other_gold_is_refused_though_the_documents_print_it(docs_copy, edit, problem):  # noqa: F811
    root = docs_copy
    _stale(root, edit)
    for check in (["--check"], []):
        done = subprocess.run([*CLI, "stats", "--dataset", str(root / "dataset"), *check], capture_output=True, text=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stdout + done.stderr
        assert done.stderr.count("\n") == 1 and SILVER_JSON in done.stderr and problem in done.stderr, done.stderr


def test_the_committed_evaluation_is_of_the_committed_gold(docs_copy):  # noqa: F811
    root = docs_copy
    done = subprocess.run([*CLI, "stats", "--check", "--dataset", str(root / "dataset")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
