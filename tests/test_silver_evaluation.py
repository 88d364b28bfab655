"""The extractor's in-sample figures the documents print are today's: the committed
dataset/silver_evaluation.json is what `extract` + `evaluate` give on the gold now, and the
DATASHEET's and README's copies are generated from it, so a hand edit or a stale JSON is caught
(a truth review of 2.23.0 found both hand-kept copies stale while the JSON was right)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from landstrikes.documents.docgen import DATASHEET, README, Drift, check, corpus_stats
from test_stats import docs_copy  # noqa: F401 (a fixture: documents, figures and dataset copied)

from landstrikes.documents.silverdoc import SILVER_JSON, datasheet_silver_block, readme_silver_block

REPO = Path(__file__).resolve().parent.parent
DATASET = REPO / "dataset"
CLI = [sys.executable, "-m", "landstrikes"]


def test_the_committed_silver_evaluation_is_what_extract_and_evaluate_give_today(tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    subprocess.run([*CLI, "extract", str(DATASET / "raw"), "--out", str(tmp_path / "silver")], check=True,
                   capture_output=True, env=env)
    subprocess.run([*CLI, "evaluate", str(tmp_path / "silver"), "--gold", str(DATASET), "--json", str(tmp_path / "eval.json")],
                   check=True, capture_output=True, env=env)
    assert (tmp_path / "eval.json").read_text(encoding="utf-8") == (DATASET / SILVER_JSON).read_text(encoding="utf-8")


def test_the_documents_print_the_committed_figures():
    silver = json.loads((DATASET / SILVER_JSON).read_text(encoding="utf-8"))
    assert readme_silver_block(silver) in (REPO / README).read_text(encoding="utf-8")
    assert datasheet_silver_block(silver) in (REPO / DATASHEET).read_text(encoding="utf-8")
    assert f"speaker {silver['layers']['quotes']['speaker_accuracy']:.3f}" in readme_silver_block(silver)


def test_a_hand_edited_figure_or_a_changed_evaluation_is_a_drifted_block(docs_copy):  # noqa: F811
    root = docs_copy
    stats = corpus_stats(root / "dataset")
    assert check(stats, root, root / "dataset") == []
    readme = root / README
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("quotes       103", "quotes       104", 1), encoding="utf-8")
    assert check(stats, root, root / "dataset") == [Drift(README, "block 'readme-silver'")]
    readme.write_text(text, encoding="utf-8")
    silver = json.loads((root / "dataset" / SILVER_JSON).read_text(encoding="utf-8"))
    silver["layers"]["segments"]["overlap"]["f1"] = 0.5
    (root / "dataset" / SILVER_JSON).write_text(json.dumps(silver), encoding="utf-8")
    assert check(stats, root, root / "dataset") == [Drift(DATASHEET, "block 'silver'"), Drift(README, "block 'readme-silver'")]


def test_without_an_evaluation_the_blocks_say_how_to_make_one(docs_copy):  # noqa: F811
    root = docs_copy
    (root / "dataset" / SILVER_JSON).unlink()
    assert readme_silver_block(None).startswith("`dataset/silver_evaluation.json` is missing")
    drifts = check(corpus_stats(root / "dataset"), root, root / "dataset")
    assert Drift(README, "block 'readme-silver'") in drifts and Drift(DATASHEET, "block 'silver'") in drifts


def test_an_evaluation_of_another_shape_is_one_line_naming_the_file_and_figure(docs_copy):  # noqa: F811
    root = docs_copy
    silver = root / "dataset" / SILVER_JSON
    for content, figure in (('{"layers": {"quotes": [], "mentions": {}, "claims": {}, "segments": {}}}', "list indices"), ('{"layers": {}}', "'quotes'"), ("[1, 2]", "list")):
        silver.write_text(content, encoding="utf-8")
        done = subprocess.run([*CLI, "stats", "--check", "--dataset", str(root / "dataset")], capture_output=True, text=True)
        assert done.returncode == 2 and "Traceback" not in done.stderr and "internal-error" not in done.stderr
        assert done.stderr.count("\n") == 1 and SILVER_JSON in done.stderr and figure in done.stderr and "[bad-json]" in done.stderr
