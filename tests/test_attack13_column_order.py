"""A table whose columns are out of the schema's order is one `column-order` finding naming the
first misplaced column and the order wanted. Before attack13 a reversed quotes table gave 22
findings, each naming the table `quotes` as its column and saying only "Pandera check
column_ordered failed", and README did not list the id."""

from __future__ import annotations

import pyarrow.parquet as pq

from hostile_tools import part
from landstrikes.schema import validate


def test_a_reordered_table_is_one_finding_naming_the_first_misplaced_column(dataset_copy):
    path = part(dataset_copy, "quotes")
    table = pq.read_table(path)
    pq.write_table(table.select(table.column_names[::-1]), path)
    report = validate(dataset_copy)
    order = [f for f in report.findings if f.check == "column-order"]
    assert len(order) == 1, [(f.column, f.message) for f in order]
    first = table.column_names[-1]
    assert order[0].column == first and f"'{first}' stands where the schema has 'quote_id'" in order[0].message
    assert "schema order: quote_id, " in order[0].message


def test_attack_held_two_swapped_columns_are_named(dataset_copy):
    path = part(dataset_copy, "quotes")
    table = pq.read_table(path)
    names = table.column_names
    names[2], names[3] = names[3], names[2]
    pq.write_table(table.select(names), path)
    report = validate(dataset_copy)
    order = [f for f in report.findings if f.check == "column-order"]
    assert len(order) == 1 and order[0].column == names[2], [(f.column, f.message) for f in order]
