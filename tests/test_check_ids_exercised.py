"""Every check id docs/check-ids.md documents is one a test makes the code report.

A documented check that nothing exercises is a promise nobody has seen kept (the guide: "a check
the data passes only because nothing exercised it is a false promise"). Session 41 found fifteen
documented ids named by no test; each is triggered here, on a copy of the gold broken in the one way
the check is about, and the last test keeps the catalogue and the tests from drifting apart again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, copy_sources, edit_source, line_of, load, save
from landstrikes.cli import main
from landstrikes.schema import validate

ARTICLE = "000_68b95635092649cd"
SOURCE = f"annotations/articles/{ARTICLE}.yaml"


def findings(folder: Path, check: str) -> list[tuple[str, str, str]]:
    """(table, row id, column) of each finding of `check` when `folder` is validated."""
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == check]


# -- validate: cross-table checks ----------------------------------------------------------------

def test_a_word_count_the_text_does_not_have_is_article_derived_mismatch(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles.loc[0, "n_words"] = int(articles.loc[0, "n_words"]) + 1
    save(dataset_copy, "articles", articles)
    assert ("articles", articles.loc[0, "article_id"], "n_words") in findings(dataset_copy, "article-derived-mismatch")


def test_a_source_file_that_is_not_the_ids_file_is_article_derived_mismatch(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles.loc[1, "source_file"] = f"{articles.loc[2, 'article_id']}.txt"
    save(dataset_copy, "articles", articles)
    assert ("articles", articles.loc[1, "article_id"], "source_file") in findings(dataset_copy, "article-derived-mismatch")


def test_a_flag_list_that_is_not_its_evidenced_flags_is_quality_flags_mismatch(dataset_copy):
    articles = load(dataset_copy, "articles")
    row = next(i for i, flags in enumerate(articles["quality_flags"]) if len(flags) >= 2)
    articles.at[row, "quality_flags"] = list(articles.at[row, "quality_flags"])[1:]
    save(dataset_copy, "articles", articles)
    assert ("articles", articles.loc[row, "article_id"], "quality_flags") in findings(dataset_copy, "quality-flags-mismatch")


def test_a_contradicted_claim_without_links_is_consistency_link_mismatch(dataset_copy):
    claims = load(dataset_copy, "claims")
    row = next(i for i, label in enumerate(claims["consistency"]) if label == "contradicted")
    claims.at[row, "contradicted_by"] = []
    save(dataset_copy, "claims", claims)
    assert ("claims", claims.loc[row, "claim_id"], "contradicted_by") in findings(dataset_copy, "consistency-link-mismatch")


def test_an_fnc_label_on_a_holders_row_is_fnc_label_placement(dataset_copy):
    stances = load(dataset_copy, "stances")
    row = next(i for i, kind in enumerate(stances["holder_kind"]) if kind == "entity")
    stances.loc[row, "fnc_label"] = "agree"
    save(dataset_copy, "stances", stances)
    assert ("stances", stances.loc[row, "stance_id"], "fnc_label") in findings(dataset_copy, "fnc-label-placement")


# -- build: annotation sources and raw texts -----------------------------------------------------

def build_refusal(dataset: Path, capsys) -> str:
    """The one line `landstrikes build` prints refusing `dataset`'s sources (exit 2, no tables)."""
    assert main(["build", "--dataset", str(dataset)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert not (dataset / "data").exists()
    return err


@pytest.fixture
def sources(tmp_path) -> Path:
    return copy_sources(tmp_path / "dataset")


def test_a_quantity_whose_high_is_below_its_low_is_bad_quantity(sources, capsys):
    edit_source(sources, SOURCE, "quantity: {low: 250000, high: 300000", "quantity: {low: 300000, high: 250000")
    err = build_refusal(sources, capsys)
    line = line_of(sources, SOURCE, "quantity: {low: 300000, high: 250000")
    assert f"{ARTICLE}.yaml:{line}:" in err and "[bad-quantity]" in err


def test_a_cluster_no_claim_uses_is_cluster_unused(sources, capsys):
    catalogue = sources / "annotations" / "claim_clusters.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + '- id: c-nobody-claims-this\n'
                         '  proposition: "A proposition no article states."\n  record: unknown\n'
                         '  note: "Added by a test: no claim points here."\n', encoding="utf-8")
    err = build_refusal(sources, capsys)
    assert "claim_clusters.yaml:" in err and "c-nobody-claims-this" in err and "[cluster-unused]" in err


def test_two_segments_starting_at_one_offset_are_segment_overlap(sources, capsys):
    edit_source(sources, SOURCE, '  - {kind: body, from: "Days after the dramatic"}\n',
                '  - {kind: body, from: "Days after the dramatic"}\n  - {kind: summary, from: "Days after the dramatic"}\n')
    err = build_refusal(sources, capsys)
    assert f"{ARTICLE}.yaml:" in err and "[segment-overlap]" in err


def test_a_raw_text_of_only_whitespace_is_raw_empty(sources, capsys):
    (sources / "raw" / "005_empty.txt").write_bytes(b" \n\t\n")
    err = build_refusal(sources, capsys)
    assert "005_empty.txt" in err and "[raw-empty]" in err


def test_a_raw_text_copied_under_another_name_is_raw_duplicate(sources, capsys):
    shutil.copyfile(sources / "raw" / f"{ARTICLE}.txt", sources / "raw" / "005_copy.txt")
    err = build_refusal(sources, capsys)
    assert "[raw-duplicate]" in err and ("005_copy.txt" in err or f"{ARTICLE}.txt" in err)


def test_an_article_source_that_is_not_a_mapping_is_source_structure(sources, capsys):
    (sources / SOURCE).write_text("- a list where a mapping belongs\n", encoding="utf-8")
    err = build_refusal(sources, capsys)
    assert f"{ARTICLE}.yaml:1:" in err and "[source-structure]" in err


def test_a_source_over_the_size_limit_is_source_too_large_and_is_not_read(sources, capsys, monkeypatch):
    from landstrikes.annotations import yamlsource

    catalogue = sources / "annotations" / "claim_clusters.yaml"  # the first source a build reads
    limit = catalogue.stat().st_size - 1
    monkeypatch.setattr(yamlsource, "MAX_SOURCE_BYTES", limit)  # the real limit is 16 MiB: the file stays small
    err = build_refusal(sources, capsys)
    assert f"claim_clusters.yaml: annotation source has {limit + 1} bytes; at most {limit} are read [source-too-large]" in err


# -- the command line: the id an error takes from its refusal's class ---------------------------

@pytest.mark.parametrize(("module", "name", "check"), [
    ("landstrikes.errors", "ReleaseError", "release-refused"),
    ("landstrikes.errors", "ReleaseIntegrityError", "release-integrity"),
    ("landstrikes.documents.stats", "StatsInputError", "stats-input"),
    ("landstrikes.engines", "EngineUnavailable", "engine-unavailable"),
])
def test_a_refusal_whose_message_names_no_id_takes_its_classs(module, name, check, capsys):
    import importlib

    from landstrikes import cli

    refusal = getattr(importlib.import_module(module), name)
    exc = refusal("a-folder", []) if name == "ReleaseIntegrityError" else refusal("a refusal worded without an id")
    cli._error(exc)
    err = capsys.readouterr().err
    assert err.startswith(f"error: [{check}] ") and err.count("\n") == 1, err


# -- the catalogue and the tests -------------------------------------------------------------------

def test_every_documented_check_id_is_named_by_a_test():
    catalogue = (REPO / "docs" / "check-ids.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", catalogue))
    tests = "".join(path.read_text(encoding="utf-8", errors="replace") for path in (REPO / "tests").rglob("*")
                    if path.is_file() and path.suffix in {".py", ".txt", ".json", ".yaml", ".md", ""})
    unnamed = sorted(check for check in documented if check not in tests)
    assert not unnamed, f"documented check ids no test names (write a test that triggers each): {unnamed}"
