"""The agreement figures reported in DATASHEET.md are what the tables and second pass give."""

import json

from conftest import DATASET
from landstrikes.agreement import agreement, cohen_kappa


def test_kappa_of_identical_labels_is_one_and_of_chance_is_zero():
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    assert cohen_kappa([], []) is None


def test_committed_agreement_report_matches_the_data():
    committed = json.loads((DATASET / "agreement.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(agreement(DATASET)))


def test_second_pass_covers_every_article():
    for layer in ("quotes", "stances_claims"):
        files = sorted(p.stem for p in (DATASET / "annotations" / "second_pass" / layer).glob("*.yaml"))
        assert files == sorted(p.stem for p in (DATASET / "raw").glob("*.txt"))
