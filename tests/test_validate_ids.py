"""The id- and row-based fast forms of validate (issue 19, branch validate-ids) report exactly
what the plain definitions they replace report, on generated tables with duplicates and nulls.

- quote-cluster wording ranks, joins and dedupes as integer codes (`check_quote_cluster_wording`
  against its pandas definition `_plain_quote_cluster_wording`);
- the frames hold `quotes.speaker_ids` as Arrow (`checkcorpus.ARROW_LISTS`), not Python lists;
- `check_entities_mentioned` matches integer keys with stable sorts (`spankeys.member`, `_first_of`);
- provenance is decided on Arrow and numpy, pandas indexing only failing rows;
- article numbers reuse the foreign-key lookup when every article id is distinct;
- the quote status rules and the enclosing-parent rule are numpy masks (pandas where a null meets them);
- reserved values cost one kernel per column without a hit.
"""

from __future__ import annotations

import importlib
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from arrowbreak import read, with_values, write
from landstrikes.schema import checkcorpus, cross_article_refs, every_table_checks, goldchecks, quotes_checks, spankeys, validate
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import to_pandas

validation = importlib.import_module("landstrikes.schema.validate")  # the module (`validate` is the function)

SENTENCES = ["we will win", "we shall win", "we will win the war", "they will win", "the war", "We will WIN"]


def _frame(rows: list[tuple], schema: dict[str, pa.DataType]):
    """Rows as the frame validate gives checks (Arrow table through `to_pandas`)."""
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    return to_pandas(pa.table({name: pa.array(list(values), type) for (name, type), values in zip(schema.items(), columns)}))


QUOTE_COLUMNS = {"quote_id": pa.string(), "article_id": pa.string(), "start": pa.int64(), "end": pa.int64(),
                 "text": pa.string(), "kind": pa.string(), "cluster_id": pa.string()}
FLAG_COLUMNS = {"article_id": pa.string(), "start": pa.int64(), "end": pa.int64(), "flag": pa.string()}
QUOTE_ROWS = st.lists(st.tuples(
    st.sampled_from(["q1", "q2", "q3", "q4", "q5", "q6"]), st.sampled_from(["a", "b"]), st.integers(0, 9), st.integers(0, 9),
    st.sampled_from(SENTENCES), st.sampled_from(["direct", "partial", "indirect", None]), st.sampled_from(["c1", "c2", "c3", None])), max_size=14)
FLAG_ROWS = st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 9), st.integers(0, 9),
                               st.sampled_from(["misquotation", "boilerplate", None])), max_size=6)


def _findings(function, *args) -> list:
    report = Report(path="x")
    function(*args, report)
    return report.findings


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quotes=QUOTE_ROWS, flags=FLAG_ROWS)
@example(quotes=[("q1", "a", 0, 5, "we will win", "direct", "c1"), ("q2", "a", 0, 5, "we shall win", "partial", "c1")], flags=[])
@example(quotes=[("q1", "a", 0, 5, "we will win", "partial", "c1"), ("q1", "b", 0, 5, "they will win", "partial", "c1"),
                 ("q2", "b", 0, 5, "we shall win", "partial", "c1")], flags=[("b", 4, 9, "misquotation")])
@example(quotes=[("q1", "a", 0, 5, "we will win", "direct", "c1"), ("q2", "a", 5, 9, "we shall win", "partial", "c1")],
         flags=[("a", 9, 9, "misquotation"), ("a", 2, 5, "misquotation")])  # touching is not overlapping
def test_quote_cluster_wording_on_codes_reports_what_the_pandas_definition_reports(quotes, flags):
    quotes, flags = _frame(quotes, QUOTE_COLUMNS), _frame(flags, FLAG_COLUMNS)
    fast = _findings(goldchecks.check_quote_cluster_wording, {"quotes": quotes, "quality_flags": flags})
    assert fast == _findings(goldchecks._plain_quote_cluster_wording, quotes, flags)


# --- speaker_ids reach the checks as Arrow (checkcorpus.ARROW_LISTS) ------------------------------


def _report(folder) -> list[tuple]:
    return [(f.table, f.check, f.row_id, f.column, f.value, f.message) for f in validate(folder).findings]


def test_speaker_lists_held_as_arrow_give_the_report_python_lists_give(tmp_path, monkeypatch):
    """Dangling, reserved, empty, null and status-contradicting speaker lists: validate reports
    the same findings whether the frames hold speaker_ids as Arrow or as Python lists."""
    shutil.copytree("dataset/data", tmp_path / "data")
    write(tmp_path, "quotes", with_values(read(tmp_path, "quotes"), "speaker_ids",
                                          {0: ["nope"], 2: ["__line__", "x"], 3: [], 5: None, 7: ["e1", "e1"], 9: [None]}))
    held, original = [], validation.to_pandas

    def kept(arrow, *lists):  # (tables are read on several threads: each call returns its own frame)
        frame = original(arrow, *lists)
        held.append(frame)
        return frame

    monkeypatch.setattr(checkcorpus, "to_pandas", kept)  # where a run makes its frames, on demand
    as_arrow = _report(tmp_path)
    assert any(isinstance(df.get("speaker_ids", pd.Series(dtype=object)).dtype, pd.ArrowDtype) for df in held)
    monkeypatch.setattr(checkcorpus, "ARROW_LISTS", {})
    as_lists = _report(tmp_path)
    assert as_arrow == as_lists
    assert {"dangling-foreign-key", "reserved-key-in-value", "speaker-ids-inconsistent", "null-in-required-column"} <= {f[1] for f in as_arrow}


# --- integer keys of check_entities_mentioned: stable sorts, searched in order -----------------

INTS = st.lists(st.integers(0, 40), max_size=60)


@settings(max_examples=200, deadline=None)
@given(values=INTS, keys=INTS)
@example(values=[5, 1, 5, 3], keys=[3, 5])
def test_member_on_sorted_runs_is_numpy_isin(values, keys):
    values, keys = np.array(values, np.int64), np.array(keys, np.int64)
    assert spankeys.member(values, keys).tolist() == np.isin(values, keys).tolist()


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=60))
@example(pairs=[(2, 1), (0, 3), (2, 1), (0, 3), (1, 0)])
def test_first_of_each_pair_is_numpy_unique_first_index(pairs):
    first, second = (np.array(x, np.int64).reshape(-1) for x in (zip(*pairs) if pairs else ([], [])))
    _, where = np.unique(first * 7 + second, return_index=True) if pairs else (None, np.zeros(0, np.int64))
    assert goldchecks._first_of(first, second).tolist() == sorted(where.tolist())


# --- provenance decided on Arrow -------------------------------------------------------------


def _plain_provenance(df, report: Report) -> None:
    """The definition as pandas says it: a gold row has no confidence, any other row has one."""
    bad = (df["source"] == "gold") == df["confidence"].notna()
    for row_id, source, confidence in zip(df["quote_id"].astype(str)[bad], df["source"][bad], df["confidence"][bad]):
        report.add("quotes", "confidence-provenance-mismatch", f"{source} rows must {'not ' if source == 'gold' else ''}have a confidence", row_id, "confidence", confidence)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["q1", "q2", None]), st.sampled_from(["gold", "auto", "Gold", None]),
                               st.sampled_from([None, 0.5, 0.0, float("nan")])), max_size=12))
def test_provenance_on_arrow_fails_the_rows_pandas_fails(rows):
    df = _frame(rows, {"quote_id": pa.string(), "source": pa.string(), "confidence": pa.float64()})
    assert _findings(every_table_checks.check_provenance, {"quotes": df}) == _findings(_plain_provenance, df)


# --- article numbers reuse the foreign-key lookup when article ids are distinct ---------------


@settings(max_examples=150, deadline=None)
@given(articles=st.lists(st.sampled_from(["a", "b", "c", "d", None]), max_size=6),
       rows=st.lists(st.sampled_from(["a", "b", "c", "x", None]), max_size=10))
def test_article_numbers_are_the_last_row_of_each_article_id(articles, rows):
    """The definition: the row of `articles` holding the id, its last row when the id repeats, -1 when none (or null)."""
    tables = Corpus({"articles": _frame([(a,) for a in articles], {"article_id": pa.string()}),
                     "quotes": _frame([(r,) for r in rows], {"article_id": pa.string()})})
    last = {a: i for i, a in enumerate(articles) if a is not None}
    assert checkcorpus.article_numbers(tables, "quotes").tolist() == [last.get(r, -1) if r is not None else -1 for r in rows]


# --- quote status rules and enclosing parents as numpy masks -----------------------------------


def _plain_quote_rules(quotes, report: Report) -> None:
    """The definition in pandas: speaker_status against speaker_id/speaker_mention_id, and the
    parent of a nested quote (the last row of its id in its article, else the last anywhere:
    attack31, a task of `validate --engine` holds whole articles) encloses it in the same article."""
    ids = quotes["quote_id"].astype(str)
    needs_mention = quotes["speaker_status"] == "attributed"
    needs_speaker = quotes["speaker_status"].isin(["attributed", "implicit"])
    rules = (
        (needs_speaker & quotes["speaker_id"].isna(), "speaker_id", "speaker_status requires a speaker_id"),
        (~needs_speaker & quotes["speaker_id"].notna(), "speaker_id", "speaker_status says there is no single speaker"),
        (needs_mention & quotes["speaker_mention_id"].isna(), "speaker_mention_id", "attributed quote needs its speaker mention"),
        (~needs_mention & quotes["speaker_mention_id"].notna(), "speaker_mention_id", "only attributed quotes have a speaker mention"),
    )
    for mask, column, message in rules:
        for row_id, value in zip(ids[mask], quotes[column][mask]):
            report.add("quotes", "speaker-status-inconsistent", message, row_id, column, value)
    key = ["quote_id", "parent_quote_id", "article_id", "start", "end"]
    last = {q: i for i, q in enumerate(quotes["quote_id"]) if isinstance(q, str)}
    own = {(a, q): i for i, (a, q) in enumerate(zip(quotes["article_id"], quotes["quote_id"])) if isinstance(q, str) and isinstance(a, str)}
    parent = np.array([len(quotes) - 1 - own.get((a, p), last[p]) if isinstance(p, str) and p in last else -1
                       for a, p in zip(quotes["article_id"], quotes["parent_quote_id"])], np.int64)
    has_parent = parent >= 0
    nested = quotes.loc[has_parent, key].reset_index(drop=True)
    parents = quotes[["article_id", "start", "end"]].iloc[len(quotes) - 1 - parent[has_parent]].reset_index(drop=True)
    inside = (parents["article_id"] == nested["article_id"]) & (parents["start"] <= nested["start"]) & (nested["end"] <= parents["end"])
    # a null the rule meets decides nothing (Pandera reports it; session 28: it crashed the check)
    bad = ((~inside).fillna(False) | (nested["parent_quote_id"] == nested["quote_id"]).fillna(False)).to_numpy(dtype=bool)
    for quote_id, p in zip(nested["quote_id"][bad], nested["parent_quote_id"][bad]):
        report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", quote_id, "parent_quote_id", p)


def _outcome(function, *args) -> list:
    """Findings, or the error the rule raised (either side crashing where the other does not fails the comparison)."""
    try:
        return _findings(function, *args)
    except Exception as exc:  # noqa: BLE001
        return [type(exc).__name__]


QUOTE_RULE_COLUMNS = {"quote_id": pa.string(), "article_id": pa.string(), "start": pa.int64(), "end": pa.int64(),
                      "speaker_status": pa.string(), "speaker_id": pa.string(), "speaker_mention_id": pa.string(), "parent_quote_id": pa.string()}
MAYBE = st.one_of(st.none(), st.integers(0, 9))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(
    st.sampled_from(["q1", "q2", "q3", "q4"]), st.sampled_from(["a", "b"]), st.integers(0, 9), st.integers(0, 9),
    st.sampled_from(["attributed", "implicit", "multiple", "unknown", None]), st.sampled_from(["e1", None]),
    st.sampled_from(["m1", None]), st.sampled_from(["q1", "q2", "q3", "zz", None])), max_size=12),
    nulls=st.lists(st.tuples(st.integers(0, 11), st.sampled_from([0, 1, 2, 3])), max_size=2))
@example(rows=[("q1", "a", 0, 9, "attributed", "e1", "m1", None), ("q2", "a", 2, 4, "attributed", "e1", "m1", "q1"),
               ("q3", "b", 2, 4, "implicit", "e1", None, "q1"), ("q4", "a", 0, 9, "attributed", "e1", "m1", "q4")], nulls=[])
def test_quote_rules_as_masks_report_what_pandas_reports(rows, nulls):
    rows = [list(r) for r in rows]
    for row, column in nulls:  # a null id, article or offset where the rule reads it
        if row < len(rows):
            rows[row][column] = None
    quotes = _frame([tuple(r) for r in rows], QUOTE_RULE_COLUMNS)
    assert sorted(_outcome(_quote_rules, {"quotes": quotes})) == sorted(_outcome(_plain_quote_rules, quotes))


def _quote_rules(tables, report: Report) -> None:
    """check_quotes, and the parent of another article only (cross_article_refs, attack31)."""
    quotes_checks.check_quotes(tables, report)
    cross_article_refs.check_cross_article_parents(tables, report)


# --- reserved values: one kernel per clean column ----------------------------------------------

RESERVED_ITEMS = st.sampled_from(["e1", "__line__", "_x", "__", "a__", "", None])


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(RESERVED_ITEMS, st.one_of(st.none(), st.lists(RESERVED_ITEMS, max_size=3))), max_size=8))
def test_reserved_values_are_the_values_starting_with_two_underscores(rows):
    """The definition: every string value and list item starting with `__`, column by column in
    the table's order (speaker_ids before cue_lemma), row then item order within a column."""
    ids = [f"q{i}" for i in range(len(rows))]
    quotes = _frame([(i, cue, items) for i, (cue, items) in zip(ids, rows)],
                    {"quote_id": pa.string(), "cue_lemma": pa.string(), "speaker_ids": pa.list_(pa.string())})
    found = [(f.row_id, f.column, f.value) for f in _findings(goldchecks.check_reserved_values, {"quotes": quotes})]
    reserved = lambda v: isinstance(v, str) and v.startswith("__")  # noqa: E731
    plain = [(i, "speaker_ids", v) for i, (_, items) in zip(ids, rows) for v in items or [] if reserved(v)]
    plain += [(i, "cue_lemma", cue) for i, (cue, _) in zip(ids, rows) if reserved(cue)]
    assert found == plain
