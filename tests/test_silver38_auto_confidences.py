"""G6 (2.26): an extractor row's `confidence` is its score rounded to 4 decimal places, and where
the extractor gives a fixed score, that score: a segment's by its kind, a quality flag's by the
block it flags, an article's 0.5, a claim's and its cluster's 0.6 (0.5 for a range whose low is
not below its high). silver38: on the extractor's output for dataset/raw, a mention scored
0.123456789, a quote 0.61234, an entity 0.33333333, a body segment 0.9, an article 0.9, a claim and
a claim cluster 0.95 and a boilerplate flag 0.1 each validated [auto-confidence-unrounded,
auto-confidence-not-fixed]. Both rules hold with no exception on the extractor's output for 906
BBC and 1,669 FNC-1 texts."""

from __future__ import annotations

import pytest

from attack36_tools import findings_of, rows_of, write_rows

UNROUNDED, FIXED = "auto-confidence-unrounded", "auto-confidence-not-fixed"


def _score(folder, table, value, pick=lambda row: True):
    rows = rows_of(folder, table)
    row = next(r for r in rows if pick(r))
    row["confidence"] = value
    write_rows(folder, table, rows)
    return row


@pytest.mark.parametrize("table,value", [("mentions", 0.123456789), ("quotes", 0.61234), ("entities", 0.33333333)])
def test_a_score_with_more_than_four_decimals_is_a_finding(silver_copy, table, value):
    from landstrikes.schema.registry import TABLES_BY_NAME
    row = _score(silver_copy, table, value)
    assert findings_of(silver_copy) == [(UNROUNDED, row[TABLES_BY_NAME[table].id_column], "confidence")]


@pytest.mark.parametrize("table,pick", [
    ("segments", lambda r: r["kind"] == "body"),
    ("articles", lambda r: True),
    ("claims", lambda r: True),
    ("claim_clusters", lambda r: True),
    ("quality_flags", lambda r: r["flag"] == "boilerplate"),
])
def test_a_fixed_score_changed_is_a_finding(silver_copy, table, pick):
    from landstrikes.schema.registry import TABLES_BY_NAME
    row = _score(silver_copy, table, 0.95 if table != "quality_flags" else 0.1, pick)
    assert findings_of(silver_copy) == [(FIXED, row[TABLES_BY_NAME[table].id_column], "confidence")]


@pytest.mark.parametrize("score,found", [(0.6, True), (0.5, False)])
def test_a_range_whose_low_is_not_below_its_high_scores_half(silver_copy, score, found):
    claims = rows_of(silver_copy, "claims")
    claim = next(c for c in claims if c["quantity_bound"] == "range")
    assert claim["confidence"] == 0.6 and claim["quantity_low"] < claim["quantity_high"]
    claim["quantity_high"], claim["confidence"] = claim["quantity_low"], score
    write_rows(silver_copy, "claims", claims)
    clusters = rows_of(silver_copy, "claim_clusters")  # its cluster scores as it (G6; held since silver39)
    next(k for k in clusters if k["cluster_id"] == claim["cluster_id"])["confidence"] = score
    write_rows(silver_copy, "claim_clusters", clusters)
    assert findings_of(silver_copy, FIXED) == ([(FIXED, claim["claim_id"], "confidence")] if found else [])


def test_an_unrounded_fixed_score_is_one_finding(silver_copy):
    row = _score(silver_copy, "articles", 0.50001)
    assert findings_of(silver_copy) == [(UNROUNDED, row["article_id"], "confidence")]


def test_the_extractor_s_own_scores_pass(silver_copy):
    assert [f for f in findings_of(silver_copy) if f[0] in (UNROUNDED, FIXED)] == []
