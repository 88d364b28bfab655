"""Pandera's column rules decided on the Arrow table, so a table that keeps them skips Pandera.

Running Pandera on a pandas frame costs more than reading the table (its checks go through
pandas, its uniqueness test hashes every id again, its backends are imported on first use).
Our models use few rules: the column list (strict, ordered), dtypes, nullability, uniqueness,
label sets and `ge`/`gt`/`in_range`/`str_length`/`str_matches`. Each is one Arrow kernel here.

This is a gate, not a second source of findings: `keeps_pandera_rules` says True only when
Pandera would surely find nothing, and a table it says False for (or whose column carries a
rule not known here) goes through Pandera as before, so every finding is still Pandera's own.
The gate may be stricter than Pandera (RE2 `$` is end of text only; Python's `re.match` also
allows a final newline), never laxer; tests/test_arrow_rules.py compares the two on broken copies.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.article_ids import distinct_by_article
from landstrikes.schema.checkcorpus import one_array
from landstrikes.schema.columns import Col, TableSpec
from landstrikes.schema.used_columns import same_type


def keeps_pandera_rules(spec: TableSpec, table: pa.Table) -> bool:
    """True when Pandera's schema for `spec` would pass `table` (as `to_pandas` gives it)."""
    return columns_breaking_rules(spec, table) == ()


def columns_breaking_rules(spec: TableSpec, table: pa.Table) -> tuple[str, ...] | None:
    """The columns of `table` whose rules the gate cannot prove kept, in the schema's order (none:
    Pandera would pass the table), or None when the table's column list is not the schema's.

    Every rule of the schema is a column's own (its dtype, nullability, uniqueness, checks) but the
    column list (strict, ordered), so with the schema's columns in its order Pandera finds nothing
    in a column kept here: Pandera need only check the columns named (validate gives it those)."""
    if table.column_names != spec.column_names:
        return None  # strict and ordered: missing, extra or reordered columns are Pandera's to name
    articles = table.column("article_id") if "article_id" in table.column_names else None
    return tuple(col.name for i, col in enumerate(spec.columns)
                 if not _column_keeps(col, table.column(i), articles if col.name != "article_id" else None))


def _column_keeps(col: Col, column: pa.ChunkedArray, articles: pa.ChunkedArray | None = None) -> bool:
    if not same_type(column.type, col.arrow_type):
        return False
    if column.null_count and not col.nullable:
        return False
    if col.unique and (column.null_count or not _distinct(column, articles)):
        return False
    if col.labels is not None and col.type == "string" and not _all_in(column, col.labels):
        return False
    return all(_check_keeps(check, column) for check in col.checks)


def _distinct(column: pa.ChunkedArray, articles: pa.ChunkedArray | None = None) -> bool:
    """No value twice (of a column without nulls). Sorted, duplicates are neighbours: a string
    sort and one comparison of neighbours cost a fraction of hashing every id (count_distinct) at
    10^5-10^6 rows. Tables written in id order (build's, one extractor shard) are strictly
    increasing already: one comparison of neighbours then proves it without the sort. Ids that
    begin with their row's `articles` id, in rows that come article by article, are proven
    distinct article by article (article_ids.py); only what neither proves is sorted."""
    if len(column) < 2:
        return True
    values = one_array(column)
    n = len(values)
    if not values.null_count and pc.all(pc.less(values.slice(0, n - 1), values.slice(1))).as_py():
        return True
    if articles is not None and distinct_by_article(values, one_array(articles)):
        return True
    ordered = values.take(pc.sort_indices(values))
    return not pc.any(pc.equal(ordered.slice(0, n - 1), ordered.slice(1))).as_py()


def _all_in(column: pa.ChunkedArray, values) -> bool:
    """Every non-null value is one of `values` (is_in alone says False for a null)."""
    present = pc.drop_null(column) if column.null_count else column
    return _all_true(pc.is_in(present, value_set=pa.array(list(values), pa.string())))


def _all_true(mask: pa.ChunkedArray | pa.Array) -> bool:
    """Every non-null entry is true (Pandera's checks ignore nulls: nullability is its own rule)."""
    return pc.all(mask).as_py() is not False


def _check_keeps(check, column: pa.ChunkedArray) -> bool:
    """One Pandera built-in check on the non-null values; an unknown check is never assumed kept."""
    name, stats = getattr(check, "name", None), getattr(check, "statistics", None) or {}
    if not getattr(check, "ignore_na", False):
        return False
    if len(column) == column.null_count:
        return True  # nothing to check: nulls are the nullability rule's
    if name in ("greater_than_or_equal_to", "greater_than", "in_range"):
        if not (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
            return False
        low, high = pc.min_max(column).values()
        low, high = low.as_py(), high.as_py()
        if name == "greater_than_or_equal_to":
            return low >= stats["min_value"]
        if name == "greater_than":
            return low > stats["min_value"]
        above = low >= stats["min_value"] if stats.get("include_min", True) else low > stats["min_value"]
        below = high <= stats["max_value"] if stats.get("include_max", True) else high < stats["max_value"]
        return above and below
    if name == "str_length" and pa.types.is_string(column.type):
        if stats.get("exact_value") is not None or stats.get("max_value") is not None:
            return False
        # min_value code points; a code point is 1-4 bytes, so a byte count under the minimum proves nothing
        lengths = pc.utf8_length(column) if (stats.get("min_value") or 0) > 1 else pc.binary_length(column)
        return pc.min(lengths).as_py() >= (stats.get("min_value") or 0)
    if name == "str_matches" and pa.types.is_string(column.type):
        pattern = stats.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("\\Z"):  # Python's end of the text is RE2's `$`
            pattern = pattern[:-2] + "$"  # (`$` in `re` also matches before a final line feed: attack23)
        if not isinstance(pattern, str) or not pattern.startswith("^") or "\\" in pattern:
            # re.match anchors at the start (an RE2 search does not); escapes such as \W or \S
            # mean more in RE2 (ASCII classes) than in `re`: those patterns go to Pandera
            return False
        return _all_true(pc.match_substring_regex(column, pattern))
    if name == "isin":
        values = stats.get("allowed_values")
        if not pa.types.is_string(column.type) or not all(isinstance(v, str) for v in values or ()):
            return False
        return _all_in(column, values)
    return False
