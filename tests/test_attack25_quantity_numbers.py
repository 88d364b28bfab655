"""C5: a claim's quantity is the number it states ("between 250,000 and 300,000 Americans" ->
250000, 300000). attack25 stored the 97% of "We've knocked out 97% of the drugs" as 79, the 35 of
"at least 35 boats" as 53 and the range 250,000-300,000 as 25,000-30,000, each with its bound
kept consistent: validate said VALID for all three [quantity-not-in-text]."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from attack25_tools import findings_of

CHECK = "quantity-not-in-text"
from landstrikes.schema.quantity_numbers import numbers_in


def _restate(folder, old: tuple[float, float], new: tuple[float, float]) -> str:
    path = folder / "data" / "claims" / "claims.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    row = next(i for i, pair in enumerate(zip(columns["quantity_low"], columns["quantity_high"])) if pair == old)
    columns["quantity_low"][row], columns["quantity_high"][row] = new
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)
    return columns["claim_id"][row]


@pytest.mark.parametrize("old, new, column", [((97.0, 97.0), (79.0, 79.0), "quantity_low"),
                                              ((35.0, 35.0), (53.0, 53.0), "quantity_low"),
                                              ((250000.0, 300000.0), (25000.0, 30000.0), "quantity_low"),
                                              ((250000.0, 300000.0), (250000.0, 350000.0), "quantity_high")],
                         ids=["percent", "at-least", "range", "range-high"])
def test_a_quantity_the_claim_does_not_state_is_a_finding(dataset_copy, old, new, column):
    claim_id = _restate(dataset_copy, old, new)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, claim_id, column)]


def test_the_gold_quantities_are_the_numbers_their_claims_state(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []


def test_numbers_are_read_as_written_with_separators_decimals_and_scale_words():
    assert numbers_in("between 250,000 and 300,000 Americans") >= {250000.0, 300000.0}
    assert numbers_in("a 12% reduction, 1.5 million people, 2\u202f000 boats") >= {12.0, 1.5e6, 2000.0}
    assert numbers_in("since 2025") == {2025.0}
    assert numbers_in("hundreds of thousands") == set()
