"""Claim columns that must agree with each other by C3, C5 and C6, decided on Arrow:

- a quantity is all four of low, high, unit and bound, or none of them ("null-high not
  allowed", C5) [quantity-incomplete];
- an `exact`, `at_least` or `at_most` quantity is one number, so low equals high (C5: "equal
  for a point value"; "at least 35 boats" -> low 35, high 35) [quantity-bound-mismatch];
- a `statistic` claim states a number or share and carries it as its quantity, and a claim
  carrying a quantity is a `statistic` (C4 2.22: every gold and extractor row kept it; a claim
  relabelled `statistic` without one validated in the census) [type-quantity-mismatch];
- an `asserted` claim is the article's own voice, so it has no claimant (C3, C6)
  [hedging-claimant-mismatch].
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

QUANTITY = ("quantity_low", "quantity_high", "quantity_unit", "quantity_bound")
POINT_BOUNDS = ("exact", "at_least", "at_most")


def check_claim_values(tables, report: Report) -> None:
    claims = arrow_of(tables, "claims", (*QUANTITY, "hedging", "claimant_id", "claim_type"))
    if claims is None:
        return
    missing = [_missing(column(claims, name)) for name in QUANTITY]
    count = pc.add(pc.add(missing[0].cast(pa.int8()), missing[1].cast(pa.int8())), pc.add(missing[2].cast(pa.int8()), missing[3].cast(pa.int8())))
    rows = failing_rows(pc.and_(pc.greater(count, 0), pc.less(count, len(QUANTITY))))
    for claim_id, row in zip(ids_at(claims, "claims", rows), rows):
        absent = [name for name, flags in zip(QUANTITY, missing) if flags[int(row)].as_py()]
        report.add("claims", "quantity-incomplete", f"a quantity has low, high, unit and bound, or none of them; {', '.join(absent)} missing (C5)",
                   claim_id, absent[0])
    _check_statistics_carry_quantities(claims, count, report)
    low, high = column(claims, "quantity_low"), column(claims, "quantity_high")
    point = pc.is_in(column(claims, "quantity_bound"), pa.array(POINT_BOUNDS))
    if pa.types.is_floating(low.type) and pa.types.is_floating(high.type):
        rows = failing_rows(pc.and_(point, pc.not_equal(low, high)))
        for claim_id, bound, lo, hi in zip(ids_at(claims, "claims", rows), values_at(claims, "quantity_bound", rows),
                                           values_at(claims, "quantity_low", rows), values_at(claims, "quantity_high", rows)):
            report.add("claims", "quantity-bound-mismatch", f"an {bound!r} quantity is one number: low {lo:g} and high {hi:g} differ (C5)",
                       claim_id, "quantity_bound", bound)
    asserted = pc.equal(column(claims, "hedging"), "asserted")
    rows = failing_rows(pc.and_(asserted, column(claims, "claimant_id").is_valid()))
    for claim_id, claimant in zip(ids_at(claims, "claims", rows), values_at(claims, "claimant_id", rows)):
        report.add("claims", "hedging-claimant-mismatch", f"an asserted claim is the article's own voice, yet claimant_id is {claimant!r} (C3, C6)",
                   claim_id, "hedging", "asserted")


def _check_statistics_carry_quantities(claims: pa.Table, missing_count: pa.Array, report: Report) -> None:
    """A partial quantity is quantity-incomplete's finding, not this one's."""
    types = column(claims, "claim_type")
    statistic = pc.fill_null(pc.equal(types, "statistic"), False)
    other = pc.fill_null(pc.not_equal(types, "statistic"), False)  # a null type is null-in-required-column's
    whole, none = pc.equal(missing_count, 0), pc.equal(missing_count, len(QUANTITY))
    rows = failing_rows(pc.or_(pc.and_(statistic, none), pc.and_(other, whole)))
    for claim_id, claim_type in zip(ids_at(claims, "claims", rows), values_at(claims, "claim_type", rows)):
        said = "a statistic without a quantity" if claim_type == "statistic" else f"a {claim_type!r} claim with a quantity"
        report.add("claims", "type-quantity-mismatch", f"{said}: a statistic states a number or share, carried as its quantity (C4, C5)",
                   claim_id, "claim_type", claim_type)


def _missing(values: pa.Array) -> pa.Array:
    """Null, or NaN for a float column (NaN itself is reported as non-finite-float)."""
    if pa.types.is_floating(values.type):
        return pc.or_(values.is_null(), pc.fill_null(pc.is_nan(values), False))
    return values.is_null()
