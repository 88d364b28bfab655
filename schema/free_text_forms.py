"""G7 on the tables: a free-text cell is in NFKC and one line whose only space is U+0020 (nfc58).

`validate` of tables alone (a downstream user's CI, no sources at hand) finds what `build`
refuses in a source (`landstrikes.annotations.freetext`): a proposition or description in NFD,
a compatibility character, a line end, a tab, a no-break space or two spaces in a row
[free-text-not-nfc] [free-text-whitespace]. The columns are those the schema marks `free_text`
(G5's), less what copies the articles' words: every alias (M2), and on the extractor's rows the
entity's name, the cluster's proposition (the claim's words) and the quantity's unit, which are
the raw text's characters in whatever form it has (an NFD text's silver validates).

Cheap on the valid path: a value whose bytes are all ASCII is in NFKC, so only the values holding
a byte >= 0x80 meet `utf8_normalize`; the spacing is one regex over the values holding a control
byte, a multi-byte character or two spaces.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.free_text import NOT_NORMAL, OTHER_SPACES, WHITESPACE, normal_form_problem, spacing_problem
from landstrikes.schema.goldchecks import row_id, row_numbers
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import Report
from landstrikes.schema.whitespace import re2_class
from landstrikes.schema.value_rules import candidate_values

COPIES = {("entities", "aliases")}
"""Free-text columns that copy the articles' words on every row (M2)."""
AUTO_COPIES = {("entities", "name"), ("claim_clusters", "proposition"), ("claims", "quantity_unit")}
"""Free-text columns the extractor fills from the raw text (scripts/extract: catalogue, article)."""

_DISTINCT_FROM = 4096
"""Values in a column from which it is judged by its distinct values."""
_SPACING_LEADS = np.arange(256) >= 0x80
_SPACING_LEADS[:0x20] = True
"""A control byte or the first byte of a multi-byte character: what a value must hold to hold a
space other than U+0020 (or a character NFKC changes)."""
_SPACING = "[" + re2_class(OTHER_SPACES) + "]|  "
"""RE2: a whitespace character but U+0020 (`free_text`'s own set: Python's `str.isspace`, and the
zero-width space and joiners), or two spaces in a row."""


def free_text_columns():
    """(table, column spec) of every column G7 covers, in the registry's order."""
    for spec in TABLES:
        for col in spec.columns:
            if col.free_text and (spec.name, col.name) not in COPIES:
                yield spec, col


def check_free_text_forms(tables, report: Report) -> None:
    for spec, col in free_text_columns():
        df = tables.get(spec.name)
        if df is None or col.name not in df:
            continue
        values = arrow_column(tables, spec.name, col.name, col.arrow_type)
        if values is None or not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
                                  or pa.types.is_list(values.type)):
            continue
        lists = values if pa.types.is_list(values.type) else None
        flat = pc.list_flatten(lists) if lists is not None else values
        positions = _breaking(flat)
        if not len(positions):
            continue
        rows = row_numbers(flat, lists)[positions]
        if (spec.name, col.name) in AUTO_COPIES and "source" in df:
            keep = ~_auto_rows(tables, spec.name)[rows]
            positions, rows = positions[keep], rows[keep]
        _report(spec, col, df, flat, positions, rows, report, "an item" if lists is not None else "")


def _breaking(values) -> np.ndarray:
    """Positions of the values (nulls never) that are not NFKC or hold a space G7 refuses. Asked of
    the distinct values of a long column (the extractor's notes repeat a few dozen texts: 89,332
    quality notes of the 10^5 benchmark are 91 distinct), then of those holding a control or
    non-ASCII byte or two spaces only; Arrow's kernels decide, Python names the failures later."""
    distinct = pc.unique(values) if len(values) > _DISTINCT_FROM else values
    suspects = np.union1d(candidate_values(distinct, _SPACING_LEADS), _double_spaced(distinct))
    if not len(suspects):
        return suspects
    chosen = distinct.take(pa.array(suspects, pa.int64())).cast(pa.large_string())
    normal = pc.fill_null(pc.equal(pc.utf8_normalize(chosen, form="NFKC"), chosen), True).to_numpy(zero_copy_only=False)
    spaced = pc.fill_null(pc.match_substring_regex(chosen, _SPACING), False).to_numpy(zero_copy_only=False)
    bad = suspects[~normal | spaced]
    if distinct is values or not len(bad):
        return bad
    found = pc.is_in(values.cast(pa.large_string()), value_set=distinct.take(pa.array(bad, pa.int64())).cast(pa.large_string()))
    return np.flatnonzero(pc.fill_null(found, False).to_numpy(zero_copy_only=False))


def _double_spaced(values) -> np.ndarray:
    found = pc.fill_null(pc.match_substring(values, "  "), False).to_numpy(zero_copy_only=False)
    return np.flatnonzero(found)


def _auto_rows(tables, name: str) -> np.ndarray:
    source = arrow_column(tables, name, "source", pa.string())
    if source is None or not (pa.types.is_string(source.type) or pa.types.is_large_string(source.type)):
        return np.zeros(len(tables[name]), bool)
    return pc.fill_null(pc.equal(source, "auto"), False).to_numpy(zero_copy_only=False)


def _report(spec, col, df, flat, positions: np.ndarray, rows: np.ndarray, report: Report, value_of: str = "") -> None:
    """One finding per row and check: the spacing and the normal form named by the rule's own words;
    the value is the cell (the report shortens it, marked), or one item of a list cell (`value_of`)."""
    reported = set()
    for position, row in zip(positions.tolist(), rows.tolist()):
        value = flat[position].as_py()
        for check, rule in ((WHITESPACE, spacing_problem), (NOT_NORMAL, normal_form_problem)):
            problem = rule(value)
            if problem is None or (row, check) in reported:
                continue
            reported.add((row, check))
            report.add(spec.name, check, f"{col.name} {problem}", str(row_id(df, spec, row)), col.name, value,
                       value_of=value_of)
