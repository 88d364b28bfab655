"""What the extractor writes of a claim beside its span and quantity is fixed or derived (C5, C7,
C8, C9, C9b 2.27; docs/extraction.md: "cross-article clusters ... are left ... for review"), so a
claim or claim cluster row marked `auto` agrees with it:

- an extractor claim is a `statistic`, `uncorroborated`, its `record_status` `unknown`, its
  `contradicted_by` empty and its `variant_id` null; its cluster (its own, `auto-cluster-not-its-own`)
  counts 1 claim in 1 article, is not contradicted, its record `unknown` with no note, and has no
  variant [auto-claim-not-default];
- its quantity is a number it read in the text, never below zero (C5: the quantity is the number
  the claim states; the extractor reads no sign) [auto-quantity-negative];
- its cluster's proposition is its claim's text (the claim naming it; that the claim is its own
  cluster is `auto-cluster-not-its-own`'s) less the characters no source may hold (each one space),
  trimmed (G5), and the cluster scores as its claim (G6); a cluster no claim names is a finding
  [auto-proposition-not-its-claim, auto-confidence-not-fixed].

silver38's census of one-cell corruptions of the extractor's output for dataset/raw: a claim's
consistency given another label, a proposition with a changed letter or another cluster's, and a
negative `quantity_low` (C5's `quantity-not-in-text` exempts the extractor's rows) each validated.
Each rule holds with no exception on the extractor's output for 906 BBC and 1,669 FNC-1 texts
(docs/notes/silver39.md). An annotator's rows are not judged.

The first two are row-local (a claim, or a cluster, alone), so `validate --engine` judges them per
partition and the shared clusters once. The third joins a cluster to the claim of its id, which may
lie in any partition: `validate --engine` runs it in its corpus-wide pass. All on Arrow; Python
names the failing rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.auto_constants import (
    AUTO_CLAIM_TYPE, AUTO_CLUSTER_COUNTS, AUTO_CONSISTENCY, AUTO_RECORD_STATUS, CLAIM_CONFIDENCE, FLAT_RANGE_CONFIDENCE,
)
from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.controls import UNWRITABLE_RANGES
from landstrikes.schema.report import Report

DEFAULTS, NEGATIVE, PROPOSITION = "auto-claim-not-default", "auto-quantity-negative", "auto-proposition-not-its-claim"
FIXED = "auto-confidence-not-fixed"

_CLAIM_VALUES = (("claim_type", AUTO_CLAIM_TYPE), ("consistency", AUTO_CONSISTENCY), ("record_status", AUTO_RECORD_STATUS))
_CLAIM_EMPTY = ("contradicted_by",)
_CLAIM_NULL = ("variant_id",)
_CLUSTER_VALUES = (*AUTO_CLUSTER_COUNTS, ("contradicted", False), ("record_status", AUTO_RECORD_STATUS))
_CLUSTER_EMPTY = ("variant_ids", "variant_propositions", "variant_record_statuses", "variant_record_notes")
_CLUSTER_NULL = ("record_note",)
_DEFAULTS = (("claims", _CLAIM_VALUES, _CLAIM_EMPTY, _CLAIM_NULL, "a claim's type, consistency, record and variants"),
             ("claim_clusters", _CLUSTER_VALUES, _CLUSTER_EMPTY, _CLUSTER_NULL, "a cluster's members, record and variants (its one claim)"))

_UNWRITABLE = "[" + "".join(f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in UNWRITABLE_RANGES) + "]"
"""`controls.writable`'s characters as an RE2 class: each becomes one space."""
_PYTHON_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""What Python's `str.strip()` strips (the extractor trims the proposition with it): every
character whose `str.isspace()` is true (a test holds the two equal)."""


def _auto(table: pa.Table) -> np.ndarray:
    values = column(table, "source")
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        return np.zeros(table.num_rows, bool)
    return pc.fill_null(pc.equal(values, "auto"), False).to_numpy(zero_copy_only=False)


def _differs(values: pa.Array, want) -> np.ndarray:
    """Rows whose value is not `want` (a null is, unless `want` is None; a column of another type
    is wrong-dtype's finding: no row)."""
    if want is None:
        return values.is_valid().to_numpy(zero_copy_only=False)
    try:
        return pc.fill_null(pc.not_equal(values, pa.scalar(want, values.type)), True).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return np.zeros(len(values), bool)


def _not_empty(values: pa.Array) -> np.ndarray:
    if not (pa.types.is_list(values.type) or pa.types.is_large_list(values.type)):
        return np.zeros(len(values), bool)
    return pc.fill_null(pc.greater(pc.list_value_length(values), 0), False).to_numpy(zero_copy_only=False)


def _report_defaults(report: Report, name: str, rows: pa.Table, auto: np.ndarray, values, empty, null, what: str) -> None:
    wrong = {c: _differs(column(rows, c), want) for c, want in values}
    wrong |= {c: _not_empty(column(rows, c)) for c in empty}
    wrong |= {c: _differs(column(rows, c), None) for c in null}
    said = {c: repr(want) for c, want in values} | {c: "empty" for c in empty} | {c: "null" for c in null}
    for row in np.flatnonzero(auto & np.logical_or.reduce(list(wrong.values()))):
        first = next(c for c in wrong if wrong[c][row])
        report.add(name, DEFAULTS, f"the extractor leaves {what} to review: its {first} is {said[first]} (C7-C9b)",
                   ids_at(rows, name, np.array([row]))[0], first, values_at(rows, first, np.array([row]))[0])


def check_auto_claim_defaults(tables, report: Report) -> None:
    for name, values, empty, null, what in _DEFAULTS:
        rows = arrow_of(tables, name, ("source", *(c for c, _ in values), *empty, *null))
        auto = _auto(rows) if rows is not None and rows.num_rows else None
        if auto is None or not auto.any():
            continue
        _report_defaults(report, name, rows, auto, values, empty, null, what)
        if name == "claims":
            _check_negative(report, rows, auto)


def _check_negative(report: Report, claims: pa.Table, auto: np.ndarray) -> None:
    if not all(c in claims.column_names for c in ("quantity_low", "quantity_high")):
        return
    negative = np.zeros(claims.num_rows, bool)
    for name in ("quantity_low", "quantity_high"):
        values = column(claims, name)
        if pa.types.is_floating(values.type) or pa.types.is_integer(values.type):
            negative |= pc.fill_null(pc.less(values, 0), False).to_numpy(zero_copy_only=False)
    for row in np.flatnonzero(auto & negative):
        at = np.array([row])
        low = values_at(claims, "quantity_low", at)[0]
        name = "quantity_low" if low is not None and low < 0 else "quantity_high"
        report.add("claims", NEGATIVE, "the extractor's quantity is a number it read in the claim, never below zero (C5)",
                   ids_at(claims, "claims", at)[0], name, values_at(claims, name, at)[0])


def check_auto_propositions(tables, report: Report) -> None:
    clusters = arrow_of(tables, "claim_clusters", ("proposition", "source", "confidence"))
    claims = arrow_of(tables, "claims", ("cluster_id", "text", "confidence"))
    if clusters is None or not clusters.num_rows:
        return
    auto = _auto(clusters)
    if not auto.any():
        return
    ids, propositions = column(clusters, "cluster_id"), column(clusters, "proposition")
    strings = (pa.types.is_string, pa.types.is_large_string)
    if not all(any(t(a.type) for t in strings) for a in (ids, propositions)):
        return
    rows = np.flatnonzero(auto & ids.is_valid().to_numpy(zero_copy_only=False))
    take = pa.array(rows, pa.int64())
    ids, propositions = ids.cast(pa.large_string()), propositions.cast(pa.large_string())
    if len(rows) < clusters.num_rows:  # (an extractor's output: every row)
        ids, propositions = ids.take(take), propositions.take(take)
    where = pa.nulls(len(rows), pa.int32())
    texts, claim_scores = pa.nulls(0, pa.large_string()), None
    if claims is not None and claims.num_rows and any(t(column(claims, "text").type) for t in strings) \
            and any(t(column(claims, "cluster_id").type) for t in strings):
        where = pc.index_in(ids, value_set=column(claims, "cluster_id").cast(pa.large_string()))  # the (first) claim naming it
        texts = column(claims, "text").cast(pa.large_string())
        claim_scores = column(claims, "confidence")
    has_claim = where.is_valid().to_numpy(zero_copy_only=False)
    # the text trimmed first; only where that differs, its unwritable characters made spaces too (a
    # proposition that keeps one is control-character-in-value's finding, whatever its claim says)
    derived = pc.utf8_trim(texts.take(where), characters=_PYTHON_SPACE)
    wrong = has_claim & pc.fill_null(pc.not_equal(propositions, derived), True).to_numpy(zero_copy_only=False)
    if wrong.any():
        again = pa.array(np.flatnonzero(wrong), pa.int64())
        written = pc.utf8_trim(pc.replace_substring_regex(derived.take(again), _UNWRITABLE, " "), characters=_PYTHON_SPACE)
        wrong[again.to_numpy()] = pc.fill_null(pc.not_equal(propositions.take(again), written), True).to_numpy(zero_copy_only=False)
        derived = dict(zip(again.to_pylist(), written.to_pylist()))
    for row in np.flatnonzero(~has_claim | wrong):
        said = (f"its claim's text less control characters, trimmed: '{derived[int(row)]}'" if has_claim[row]
                else "its claim's text, and no claim names it")
        report.add("claim_clusters", PROPOSITION, f"the extractor's cluster states {said} (C7, G5)",
                   ids[int(row)].as_py(), "proposition", propositions[int(row)].as_py())
    scores = column(clusters, "confidence")
    if claim_scores is None or not all(pa.types.is_floating(s.type) for s in (scores, claim_scores)):
        return
    mine = pc.fill_null(scores.take(take) if len(rows) < clusters.num_rows else scores, np.nan).to_numpy(zero_copy_only=False)
    theirs = pc.fill_null(claim_scores.take(where), np.nan).to_numpy(zero_copy_only=False)
    fixed = (CLAIM_CONFIDENCE, FLAT_RANGE_CONFIDENCE)  # another score is the row's own finding (auto_confidences)
    off = has_claim & np.isin(mine, fixed) & np.isin(theirs, fixed) & (mine != theirs)
    for row in np.flatnonzero(off):
        report.add("claim_clusters", FIXED, f"the extractor scores a claim cluster as its one claim: {theirs[row]:g} (G6)",
                   ids[int(row)].as_py(), "confidence", float(mine[row]))
