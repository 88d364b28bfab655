"""List columns documented as sorted are sorted: `articles.quality_flags` is "Sorted distinct
flags of quality_flags rows (AQ1)". quality-flags-mismatch compares them as a set, so a reordered
list passed (census). Decided on the flattened items: within one row each item sorts after the
one before it (a repeated item is duplicate-list-item's finding, not this one's)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

SORTED_LISTS = (("articles", "quality_flags"),)


def check_sorted_lists(tables, report: Report) -> None:
    for table, name in SORTED_LISTS:
        rows_table = arrow_of(tables, table, (name,))
        if rows_table is None:
            continue
        lists = column(rows_table, name)
        if not pa.types.is_list(lists.type) and not pa.types.is_large_list(lists.type):
            continue
        items = pc.list_flatten(lists)
        if len(items) < 2:
            continue
        parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
        descending = pc.fill_null(pc.greater(items.slice(0, len(items) - 1), items.slice(1)), False).to_numpy(zero_copy_only=False)
        rows = np.unique(parents[1:][descending & (parents[1:] == parents[:-1])])
        for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, name, rows)):
            report.add(table, "list-not-sorted", f"{name} is documented as sorted; sorted it reads {sorted(v for v in value if v is not None)}",
                       row_id, name, value)
