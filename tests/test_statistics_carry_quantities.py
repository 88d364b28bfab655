"""C4/C5 (guidelines 2.22): a `statistic` states a number or share and carries it as its
quantity; a claim with a quantity is a `statistic`. The census relabelled claims `statistic` and
they validated; now either side of the pairing broken is `type-quantity-mismatch`, naming the
claim and its type. A partial quantity stays quantity-incomplete's alone."""

from __future__ import annotations

import pytest

from arrowbreak import set_values
from attack25_tools import rows_of, write_rows
from landstrikes.schema import validate


def mismatched(folder) -> list[tuple[str, str]]:
    return [(f.row_id, f.value) for f in validate(folder).findings if f.check == "type-quantity-mismatch"]


def test_the_gold_statistics_and_only_they_carry_quantities(built_dataset):
    assert mismatched(built_dataset) == []


@pytest.mark.parametrize("label", ["event", "other", "prediction"])
def test_a_statistic_relabelled_keeps_a_quantity_it_may_not_carry(dataset_copy, label):
    claims = rows_of(dataset_copy, "claims")
    claim = next(c for c in claims if c["claim_type"] == "statistic")
    claim["claim_type"] = label
    write_rows(dataset_copy, "claims", claims)
    assert mismatched(dataset_copy) == [(claim["claim_id"], label)]


def test_a_claim_relabelled_statistic_has_no_number_to_carry(dataset_copy):
    claims = rows_of(dataset_copy, "claims")
    claim = next(c for c in claims if c["claim_type"] == "event")
    claim["claim_type"] = "statistic"
    write_rows(dataset_copy, "claims", claims)
    assert mismatched(dataset_copy) == [(claim["claim_id"], "statistic")]


def test_a_partial_quantity_is_only_incomplete(dataset_copy):
    claims = rows_of(dataset_copy, "claims")
    claim = next(c for c in claims if c["claim_type"] == "statistic")
    claim["quantity_high"] = None
    write_rows(dataset_copy, "claims", claims)
    checks = {f.check for f in validate(dataset_copy).findings}
    assert "quantity-incomplete" in checks and "type-quantity-mismatch" not in checks


def test_a_statistic_whose_type_is_null_is_only_a_null(dataset_copy):
    """A missing type is null-in-required-column's finding; its quantity says nothing more."""
    claims = rows_of(dataset_copy, "claims")
    row, claim = next((n, c) for n, c in enumerate(claims) if c["claim_type"] == "statistic")
    set_values(dataset_copy, "claims", "claim_type", {row: None})
    checks = {(f.check, f.row_id) for f in validate(dataset_copy).findings}
    assert ("null-in-required-column", claim["claim_id"]) in checks
    assert mismatched(dataset_copy) == []
