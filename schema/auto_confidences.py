"""G6 (2.26): an extractor row's `confidence` (source `auto`) is its score rounded to 4 decimal
places, and where the extractor gives a fixed score, that score (`auto_constants`, which the
extractor reads too): a segment's by its kind; a quality flag's by the block it flags (a
`boilerplate` flag's by the kind its note `auto: <kind> block` names, a `duplicate_headline`
flag's a headline's); an article's 0.5; a claim's 0.6, or 0.5 for a range whose low is not below
its high; a claim cluster's 0.6 or 0.5, its one claim's. silver38: on the extractor's output for
dataset/raw, a mention scored 0.123456789, a quote 0.61234, an entity 0.33333333, a body segment
0.9, an article 0.9, a claim and a claim cluster 0.95 and a boilerplate flag 0.1 each validated
[auto-confidence-unrounded, auto-confidence-not-fixed]. Both hold with no exception on the
extractor's output for 906 BBC and 1,669 FNC-1 texts. A row with an unrounded score is reported
once, as unrounded. Not judged: a flag of another kind or with a note the extractor does not
write (its own findings), and whether a cluster's score is its claim's (the clusters are a shared
table under `validate --engine`, the claims are not: the score is only held to the two values).

Row-local (`validate --engine` judges each partition alone). numpy over the confidence column;
Python names the failing rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.auto_constants import (
    ARTICLE_CONFIDENCE, CLAIM_CONFIDENCE, FLAT_RANGE_CONFIDENCE, OTHER_SEGMENT_CONFIDENCE, SEGMENT_CONFIDENCE,
)
from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import Report

UNROUNDED, FIXED = "auto-confidence-unrounded", "auto-confidence-not-fixed"
_PLACES = 1e4
_SLACK = 1e-9
"""|x * 10^4 - rint(x * 10^4)| of a double rounded to 4 places in [0, 1] is below 10^-12."""
_NOTE = r"^auto: (?P<kind>[a-z_]+) block$"


def _floats(values: pa.Array) -> np.ndarray | None:
    if not (pa.types.is_floating(values.type) or pa.types.is_integer(values.type)):
        return None
    return pc.fill_null(values.cast(pa.float64()), np.nan).to_numpy(zero_copy_only=False)


def _strings(values: pa.Array) -> pa.Array | None:
    return values.cast(pa.large_string()) if pa.types.is_string(values.type) or pa.types.is_large_string(values.type) else None


def _by_kind(kinds: pa.Array) -> np.ndarray:
    """Each segment kind's score (the table's, else the default)."""
    table = pa.array(list(SEGMENT_CONFIDENCE), pa.large_string())
    where = pc.fill_null(pc.index_in(kinds, value_set=table), len(table)).to_numpy(zero_copy_only=False)
    return np.array([*SEGMENT_CONFIDENCE.values(), OTHER_SEGMENT_CONFIDENCE])[where]


def _expected(name: str, rows: pa.Table, n: int) -> np.ndarray | None:
    """The fixed score of each row of table `name` (NaN: not fixed, or not judged), or None."""
    if name == "articles":
        return np.full(n, ARTICLE_CONFIDENCE)
    if name == "segments" and "kind" in rows.column_names and _strings(column(rows, "kind")) is not None:
        return _by_kind(_strings(column(rows, "kind")).fill_null(""))
    if name == "claims" and all(c in rows.column_names for c in ("quantity_bound", "quantity_low", "quantity_high")):
        bound, low, high = _strings(column(rows, "quantity_bound")), _floats(column(rows, "quantity_low")), _floats(column(rows, "quantity_high"))
        if bound is None or low is None or high is None:
            return None
        flat = pc.fill_null(pc.equal(bound, "range"), False).to_numpy(zero_copy_only=False) & ~(low < high)
        return np.where(flat, FLAT_RANGE_CONFIDENCE, CLAIM_CONFIDENCE)
    if name == "quality_flags" and all(c in rows.column_names for c in ("flag", "note")):
        flag, note = _strings(column(rows, "flag")), _strings(column(rows, "note"))
        if flag is None or note is None:
            return None
        kinds = pc.extract_regex(note, _NOTE).field(0) if len(note) else note
        boilerplate = pc.fill_null(pc.and_(pc.equal(flag, "boilerplate"), pc.is_valid(kinds)), False).to_numpy(zero_copy_only=False)
        repeat = pc.fill_null(pc.equal(flag, "duplicate_headline"), False).to_numpy(zero_copy_only=False)
        expected = np.full(n, np.nan)
        expected[boilerplate] = _by_kind(pc.fill_null(kinds, ""))[boilerplate]
        expected[repeat] = SEGMENT_CONFIDENCE["headline"]
        return expected
    return None


def check_auto_confidences(tables, report: Report) -> None:
    for spec in TABLES:
        rows = arrow_of(tables, spec.name, ("source", "confidence"))
        if rows is None or not rows.num_rows:
            continue
        source = _strings(column(rows, "source"))
        auto = pc.fill_null(pc.equal(source, "auto"), False) if source is not None else None
        if auto is None or not pc.any(auto).as_py():
            continue  # (a gold table: no score is read)
        scores = _floats(column(rows, "confidence"))
        if scores is None:
            continue
        auto = auto.to_numpy(zero_copy_only=False) & ~np.isnan(scores)
        scaled = scores * _PLACES
        unrounded = auto & ~(np.abs(scaled - np.rint(scaled)) < _SLACK)
        _report(report, spec.name, rows, np.flatnonzero(unrounded), UNROUNDED,
                "the extractor rounds every score to 4 decimal places (G6): this one is not")
        if spec.name == "claim_clusters":
            wrong = auto & ~unrounded & ~np.isin(scores, (CLAIM_CONFIDENCE, FLAT_RANGE_CONFIDENCE))
            _report(report, spec.name, rows, np.flatnonzero(wrong), FIXED,
                    f"the extractor scores a claim cluster as its one claim, {CLAIM_CONFIDENCE} or {FLAT_RANGE_CONFIDENCE} (G6)")
            continue
        expected = _expected(spec.name, rows, rows.num_rows)
        if expected is None:
            continue
        wrong = auto & ~unrounded & ~np.isnan(expected) & ~(np.abs(scores - expected) < _SLACK)
        for row in np.flatnonzero(wrong):
            _report(report, spec.name, rows, np.array([row]), FIXED,
                    f"the extractor gives this {spec.name[:-1].replace('_', ' ')} the fixed score {expected[row]:g} (G6)")


def _report(report: Report, table: str, rows: pa.Table, where: np.ndarray, check: str, message: str) -> None:
    for row_id, value in zip(ids_at(rows, table, where), values_at(rows, "confidence", where)):
        report.add(table, check, message, row_id, "confidence", value)
