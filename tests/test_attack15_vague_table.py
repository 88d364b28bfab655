"""attack15: C5 gives vague quantities the values of a fixed table ("dozens" 24-99, "hundreds of
thousands" 200,000-999,999, ...); validate asked only that some value be given, so "dozens" as
10-20 validated. `vague-quantity-off-table` (annotated rows whose only quantity is the phrase)."""

from __future__ import annotations

import pytest

from conftest import load, save
from landstrikes.schema.validate import validate
from landstrikes.schema.vague_table import VAGUE_TABLE


def _set(folder, phrase, low, high, **extra):
    claims = load(folder, "claims")
    row = claims.index[claims.text.str.contains(phrase)][0]
    claims.loc[row, ["quantity_low", "quantity_high"]] = [low, high]
    for name, value in extra.items():
        claims.loc[row, name] = value
    save(folder, "claims", claims)
    return validate(folder), claims.loc[row, "claim_id"]


@pytest.mark.parametrize("phrase, low, high", [("dozens", 10.0, 20.0), ("hundreds of thousands", 200.0, 999.0),
                                               ("tens of thousands", 20000.0, 99998.0)])
def test_a_vague_quantity_off_the_table_is_a_finding(dataset_copy, phrase, low, high):
    report, claim_id = _set(dataset_copy, phrase, low, high)
    assert {f.check for f in report.findings} == {"vague-quantity-off-table"}, report.to_text()
    assert claim_id in report.to_text() and "C5" in report.to_text()


def test_the_extractors_rows_keep_their_own_table(dataset_copy):
    report, _ = _set(dataset_copy, "dozens", 10.0, 20.0, source="auto", confidence=0.5)
    assert "vague-quantity-off-table" not in {f.check for f in report.findings}


def test_the_gold_holds_the_table_and_the_table_is_the_guidelines():
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "ANNOTATION_GUIDELINES.md").read_text(encoding="utf-8")
    words = {"a few": "2–5", "several": "3–9", "dozens": "24–99", "scores": "40–99", "hundreds": "200–999",
             "thousands": "2,000–9,999", "tens of thousands": "20,000–99,999",
             "hundreds of thousands": "200,000–999,999", "millions": "2,000,000–9,999,999"}
    for phrase, (low, high) in VAGUE_TABLE.items():
        assert f'"{phrase}" {low:,}–{high:,}'.replace("\n", " ") in " ".join(text.split()), phrase
        assert words[phrase] == f"{low:,}–{high:,}"



@pytest.mark.parametrize("bound, low, high", [("exact", 12.0, 12.0), ("at_least", 24.0, 24.0), ("range", 10.0, 20.0), ("range", 24.0, 99.0)])
def test_a_vague_quantity_given_another_bound_is_a_finding(dataset_copy, bound, low, high):
    """C5: a vague quantity is `approximate` with the table's values; the check read approximate rows
    only, so 'dozens' as exactly 12 (or as the range 10-20) escaped every C5 check (review15)."""
    report, claim_id = _set(dataset_copy, "dozens", low, high, quantity_bound=bound)
    assert {f.check for f in report.findings} == {"vague-quantity-off-table"}, report.to_text()
    assert claim_id in report.to_text() and bound in report.to_text()
