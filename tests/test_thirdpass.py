"""Third-pass agreement: published per layer, computed against the gold frozen before the pass."""

from __future__ import annotations

import json
import shutil

from conftest import DATASET
from landstrikes.documents.thirdpass import BEFORE, THIRD, derive_consistency, third_pass_agreement


def test_consistency_of_a_pass_is_derived_by_rule_c9():
    claims = [
        {"article_id": "a", "cluster": "x", "variant": "v1"},
        {"article_id": "b", "cluster": "x", "variant": "v2"},
        {"article_id": "c", "cluster": "y", "variant": None},
        {"article_id": "d", "cluster": "y", "variant": None},
        {"article_id": "a", "cluster": "z", "variant": None, "hypothetical": True},
        {"article_id": "a", "cluster": "w", "variant": None},
    ]
    assert derive_consistency(claims) == ["contradicted", "contradicted", "corroborated", "corroborated", "hypothetical", "uncorroborated"]


def test_agreement_json_publishes_every_third_pass_layer():
    third = json.loads((DATASET / "agreement.json").read_text(encoding="utf-8"))["third_pass"]
    assert third["claims"]["span_overlap"]["f1"] > 0
    for figure in ("consistency_kappa", "record_status_kappa", "type_kappa"):
        assert third["claims"][figure] is not None
    assert third["claims"]["clusters"]["same_cluster_kappa"] is not None
    assert third["quality_flags"]["evidence_overlap"]["f1"] > 0 and "misquotation" in third["quality_flags"]["per_flag"]
    assert third["stances"]["label_kappa"] is not None and third["stances"]["keys_by_holder_kind"]["group"]["third"] > 0


def test_a_pass_agrees_perfectly_with_itself(tmp_path):
    """The reader and matcher lose nothing: the frozen gold against a copy of itself scores 1 everywhere."""
    root = tmp_path / "dataset"
    shutil.copytree(DATASET / "data" / "articles", root / "data" / "articles")
    shutil.copytree(DATASET / BEFORE, root / BEFORE)
    shutil.copytree(DATASET / BEFORE, root / THIRD)
    result = third_pass_agreement(root)
    claims, flags, stances = result["claims"], result["quality_flags"], result["stances"]
    assert claims["span_exact"]["f1"] == 1.0 and claims["unresolved_third_rows"] == 0
    assert claims["consistency_agreement"] == claims["record_status_agreement"] == 1.0
    assert claims["clusters"]["link"]["f1"] == 1.0
    assert flags["evidence_overlap"]["f1"] == 1.0 and flags["quality_label_agreement"] == 1.0
    assert stances["keys"]["f1"] == 1.0 and stances["label_agreement"] == 1.0


def test_no_third_pass_means_no_third_pass_figures(tmp_path):
    (tmp_path / "data").mkdir()
    assert third_pass_agreement(tmp_path) is None
