"""The agreement figures reported in DATASHEET.md are what the tables and second pass give."""

import json

from conftest import DATASET
from landstrikes.documents.agreement import agreement, cohen_kappa


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


def test_frozen_first_pass_covers_every_article():
    files = sorted(p.stem for p in (DATASET / "annotations" / "first_pass" / "stances_claims").glob("*.yaml"))
    assert files == sorted(p.stem for p in (DATASET / "raw").glob("*.txt"))


def test_every_gold_claim_and_stance_is_accounted_for_by_the_adjudication():
    adj = agreement(DATASET)["adjudication"]
    claims, stances = adj["claims"], adj["stances"]
    assert claims["from_first_pass"] + claims["adopted_from_second_pass"] + claims["added_in_adjudication"] == claims["gold_rows"]
    assert stances["from_first_pass"] + stances["adopted_from_second_pass"] <= stances["gold_rows"]


def test_agreement_is_measured_between_two_independent_passes_not_against_the_adjudicated_gold():
    """The claims agreement counts the frozen first pass's rows, not the gold's: adjudication keeps
    most of them (since 2.14.0 not all: a first-pass claim became its neighbour's hedge, C11)."""
    import yaml

    report = agreement(DATASET)
    first_pass = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("claims") or [])
                     for p in (DATASET / "annotations" / "first_pass" / "stances_claims").glob("*.yaml"))
    assert report["claims"]["gold_rows"] == first_pass
    assert report["adjudication"]["claims"]["from_first_pass"] <= first_pass < report["adjudication"]["claims"]["gold_rows"]
