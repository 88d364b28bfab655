"""attack29: the cross-table rules attack25-27 added (schema/census_checks.py) decide on
Arrow/numpy; `tests/plain_census.py` restates each row by row from its docstring and guideline.
The two must find the same (check, table, row, column) on the gold, on generated corpora
(`tests/census_corpora.py`: astral letters, combining marks, line feeds, nulls, the
extractor's rows), and on the corruptions where they once differed:

- a proposition in any letter case: "ΟΔΟΣ" and "οδος" (Greek final sigma), or a dotted capital
  I, were two propositions to Arrow's `utf8_lower`, which is no case folding (C7, C9);
- an all-ASCII catalogue whose two names differ by a vertical tab or an ASCII separator
  control: the cheap proof took them for distinct names (E3);
- a quantity written "£4bn" or "35m" read as 4 and 35 only, so the number the claim states
  (C5) was a finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from census_corpora import corpus
from plain_census import census_findings, fast_findings, plain_findings, read
from rowcorpus import write
from attack25_tools import rows_of, write_rows


def test_the_gold_gives_no_finding_either_way(dataset_copy):
    assert plain_findings(dataset_copy) == fast_findings(dataset_copy) == set()


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(rows=corpus())
@example(rows={"claim_clusters": [{"cluster_id": "c0", "proposition": "\u0391\u03a3"}, {"cluster_id": "c1", "proposition": "\u03b1\u03c2"}]})
def test_generated_corpora_find_what_the_plain_rules_find(rows, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gen")
    try:
        write(folder, rows)
        assert census_findings(folder) == plain_findings(folder)
    finally:
        shutil.rmtree(folder)


def _clusters(folder: Path) -> list[dict]:
    return rows_of(folder, "claim_clusters")


@pytest.mark.parametrize("first, second", [
    ("\u039f\u0394\u039f\u03a3 \u0391\u03a0\u039f \u03a4\u0397\u039d \u03a0\u039f\u039b\u0397", "\u03bf\u03b4\u03bf\u03c2 \u03b1\u03c0\u03bf \u03c4\u03b7\u03bd \u03c0\u03bf\u03bb\u03b7"),
    ("\u0130stanbul was closed", "i\u0307stanbul was closed"),
    ("The STRASSE was closed", "the stra\u00dfe was closed"),
], ids=["final-sigma", "dotted-capital-i", "sharp-s"])
def test_two_variants_in_another_letter_case_repeat_a_proposition(tmp_path, first, second):
    write(tmp_path, {"claim_clusters": [{"cluster_id": "c", "proposition": "p", "variant_propositions": [first, second]}]})
    finding = ("variant-propositions-repeat", "claim_clusters", "c", "variant_propositions")
    assert finding in plain_findings(tmp_path)
    assert finding in fast_findings(tmp_path)


def test_two_clusters_in_another_letter_case_repeat_a_proposition(dataset_copy):
    clusters = _clusters(dataset_copy)
    clusters[0]["proposition"] = "\u039f \u0394\u03a1\u039f\u039c\u039f\u03a3 \u039a\u039b\u0395\u0399\u03a3\u0395"
    clusters[1]["proposition"] = "\u03bf \u03b4\u03c1\u03bf\u03bc\u03bf\u03c2 \u03ba\u03bb\u03b5\u03b9\u03c3\u03b5"
    write_rows(dataset_copy, "claim_clusters", clusters)
    later = max(clusters[0]["cluster_id"], clusters[1]["cluster_id"])
    assert ("cluster-propositions-repeat", "claim_clusters", later, "proposition") in fast_findings(dataset_copy)


@pytest.mark.parametrize("blank", ["\x0b", "\x1c", "\x1f"], ids=["vertical-tab", "file-separator", "unit-separator"])
def test_ascii_names_apart_by_an_ascii_blank_are_one_name(tmp_path, blank):
    rows = {"entities": [{"entity_id": "al-bo", "name": "Al Bo"}, {"entity_id": "al-bo-2", "name": f"Al{blank}Bo"},
                         {"entity_id": "cy", "name": "Cy"}]}
    write(tmp_path, rows)
    assert ("entity-name-repeated", "entities", "al-bo-2", "name") in plain_findings(tmp_path)
    assert ("entity-name-repeated", "entities", "al-bo-2", "name") in fast_findings(tmp_path)


@pytest.mark.parametrize("text, quantity", [
    ("The deal was worth \u00a34bn last year", 4e9), ("Some 35m people voted", 35e6), ("It cost $1.2bn", 1.2e9),
    ("The fund holds 2.5 bn dollars", 2.5e9), ("A 10k rise", 1e4), ("35m and 4bn", 4e9),
], ids=["bn", "m", "decimal-bn", "spaced-bn", "k", "two-numbers"])
def test_a_scale_abbreviation_states_the_number_it_scales(tmp_path, text, quantity):
    rows = {"articles": [{"article_id": "a", "text": text}],
            "claims": [{"claim_id": "k", "article_id": "a", "start": 0, "end": len(text), "text": text, "quantity_low": quantity,
                        "quantity_high": quantity, "quantity_bound": "exact", "source": "gold"}]}
    write(tmp_path, rows)
    assert not [f for f in fast_findings(tmp_path) if f[0] == "quantity-not-in-text"]


def test_a_scale_abbreviation_still_lets_the_number_as_written_be_the_quantity_and_no_other(tmp_path):
    text = "A 35m long boat and 4bn"
    rows = {"articles": [{"article_id": "a", "text": text}],
            "claims": [{"claim_id": f"k{n}", "article_id": "a", "start": 0, "end": len(text), "text": text, "quantity_low": q,
                        "quantity_high": q, "quantity_bound": "exact", "source": "gold"} for n, q in enumerate((35.0, 4.0, 53.0, 3.5e7 + 1))]}
    write(tmp_path, rows)
    assert sorted(f[2] for f in fast_findings(tmp_path) if f[0] == "quantity-not-in-text") == ["k2", "k3"]
    assert read(tmp_path)["claims"]  # the corpus was written
