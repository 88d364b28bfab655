"""A claim span or a stance's evidence span never breaks a pair of quotation marks (G2, 2.6: "a
claim or evidence span that holds an opening quotation mark keeps its closing mark ... a span
never breaks a pair of marks") [span-breaks-quote-pair]. A stance's evidence moved one code
point left onto its quotation's opening mark, its text re-sliced, validated (the false-VALID
census on 2.7.0's data): every other check saw a span on non-space edges of whole words.

Two readings, both held by the extractor too:
- on the span's text alone, `mark_pairs.breaks_a_pair` (curly marks read in order, `„` closed by
  `“` or `”`, straight marks in twos);
- against the article's own pairs of marks (`markscan`, the pairing the quotes layer is checked
  against, Q2): a span holding one mark of a pair and not the other breaks it. This judges what
  the text alone cannot: straight marks (`said" and "then` holds two marks and breaks two pairs)
  and single marks (`‘women only` without its `’`). A pair that a paragraph end or the next
  quotation closes (Q2's continued quotations) has one mark only and is not judged.
  Where the readings disagree on a span whose every double mark is a mark of one of its
  article's pairs held whole (`"jackasses”`, mixed marks Q2 pairs), it breaks no pair (review21).
Guillemets are not judged (`»` is also a breadcrumb separator: `Home » world`). A quality flag's evidence is not judged: a truncation artifact is the stray half of a
pair ("Consent.”"). Only rows whose text is their article's slice are judged (a text that is not
is span-text-mismatch's finding)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.caption_lines import MARK_CHARACTERS
from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import _shared, article_numbers, article_texts, column, one_array
from landstrikes.schema.markscan import MarkScan, scan_corpus_marks
from landstrikes.schema.mark_pairs import CURLY_MARKS, STRAIGHT_MARK, open_marks, breaks_a_pair as _breaks_a_pair
from landstrikes.schema.report import Report

SPANS = (
    ("claims", ("start", "end", "text"), "a claim's span"),
    ("stances", ("evidence_start", "evidence_end", "evidence_text"), "a stance's evidence span"),
)
"""The spans G2's pair rule judges in both readings: table, its (start, end, text) columns, and
how to name one."""

INDIRECT = ("quotes", ("start", "end", "text"), "an indirect quote's span")
"""Indirect speech (G2: a span without marks of its own), judged against the article's pairs
only: its text may hold a quotation whose marks the writer mixed (`a "jackass” who`), one pair
in Q2's pairing that the text alone reads as two strays."""


def check_quote_pairs(tables, report: Report) -> None:
    for table, spans, what in SPANS:
        _check_table(tables, report, table, spans, what)
    _check_table(tables, report, *INDIRECT, only_kind="indirect")


def _check_table(tables, report: Report, table: str, spans: tuple[str, str, str], what: str, only_kind: str | None = None) -> None:
    rows_table = arrow_of(tables, table, ("article_id", *spans, *(("kind",) if only_kind else ())))
    if rows_table is None or not rows_table.num_rows:
        return
    text = column(rows_table, spans[2])
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return  # wrong-dtype's finding
    if only_kind is None:
        in_text = np.flatnonzero(pc.fill_null(breaks_a_pair(text), False).to_numpy(zero_copy_only=False))
        broken = article_pairs_broken(tables, table, rows_table, spans)
        in_text = in_text[~_double_marks_paired_whole(tables, table, rows_table, spans, in_text, broken)]
    else:
        kind = column(rows_table, "kind")
        if not (pa.types.is_string(kind.type) or pa.types.is_large_string(kind.type)):
            return  # wrong-dtype's finding
        in_text = np.zeros(0, np.int64)
        broken = article_pairs_broken(tables, table, rows_table, spans, pc.fill_null(pc.equal(kind, only_kind), False).to_numpy(zero_copy_only=False))
    rows = np.union1d(in_text, np.array(sorted(broken), np.int64))
    rows = rows[texts_are_slices(tables, table, rows_table, rows, spans)]
    for row, row_id, value in zip(rows.tolist(), ids_at(rows_table, table, rows), values_at(rows_table, spans[2], rows)):
        said = (_marks(value) if only_kind is None else "") or f"it holds one mark of its article's pair at {broken[row][0]} and {broken[row][1]}"
        report.add(table, "span-breaks-quote-pair", f"{what} breaks a pair of quotation marks (G2: a span holding "
                   f"one mark of a pair holds the other): {said}", row_id, spans[0], value, value_of=f"its {spans[2]}")


def article_pairs_broken(tables, table: str, rows_table: pa.Table, spans: tuple[str, str, str], judged: np.ndarray | None = None) -> dict[int, tuple[int, int]]:
    """Row number -> (open, close) of an article pair of marks the row's span holds one mark of
    (of the rows `judged`, or every row).

    Every mark of every pair goes into one sorted list (article base + offset) with its
    partner's position; a span holds the marks of one run of that list, and breaks a pair exactly
    when a partner of that run lies outside the span (the least one before it or the greatest at
    or after its end). Rows without a known article or with offsets off their text are left to
    the checks that report those."""
    if "articles" not in tables or not all(c in rows_table.column_names for c in spans[:2]):
        return {}
    texts = article_texts(tables)
    numbers = article_numbers(tables, table)
    start, end = (pc.fill_null(column(rows_table, c).cast(pa.int64(), safe=False), -1).to_numpy(zero_copy_only=False) for c in spans[:2])
    lengths = texts.lengths[np.maximum(numbers, 0)] if len(texts.lengths) else np.zeros(len(numbers), np.int64)
    placed = np.flatnonzero((numbers >= 0) & (start >= 0) & (start < end) & (end <= lengths) & (True if judged is None else judged))
    if not len(placed):
        return {}
    article, opens, closes = two_mark_pairs(tables)
    if not len(article):
        return {}
    base = texts.cp_starts[article]
    position = np.concatenate([base + opens, base + closes])
    partner = np.concatenate([base + closes, base + opens])
    order = np.argsort(position, kind="stable")
    position, partner = position[order], partner[order]
    row_base = texts.cp_starts[numbers[placed]]
    first = np.searchsorted(position, row_base + start[placed], side="left")
    last = np.searchsorted(position, row_base + end[placed], side="left")  # marks first..last-1 are inside
    holding = np.flatnonzero(first < last)
    if not len(holding):
        return {}
    bounds = np.ravel(np.stack([first[holding], last[holding]], axis=1))
    lowest = np.minimum.reduceat(np.append(partner, 0), bounds)[::2]
    highest = np.maximum.reduceat(np.append(partner, 0), bounds)[::2]
    span_start, span_end = row_base[holding] + start[placed][holding], row_base[holding] + end[placed][holding]
    breaks = np.flatnonzero((lowest < span_start) | (highest >= span_end))
    # the pair named: the mark outside is the least partner (or else the greatest), and its own
    # partner is the mark inside; no walk over the marks a span holds (review21: rows x marks)
    outside = np.where(lowest[breaks] < span_start[breaks], lowest[breaks], highest[breaks])
    inside = partner[np.searchsorted(position, outside)]
    base = row_base[holding[breaks]]
    opens, closes = np.minimum(outside, inside) - base, np.maximum(outside, inside) - base
    return {int(row): (int(o), int(c)) for row, o, c in zip(placed[holding[breaks]].tolist(), opens.tolist(), closes.tolist())}


def _double_marks_paired_whole(tables, table: str, rows_table: pa.Table, spans: tuple[str, str, str], rows: np.ndarray,
                               broken: dict[int, tuple[int, int]]) -> np.ndarray:
    """For `rows` the text reading refuses: whether every double mark the span holds is a mark of
    one of its article's pairs held whole (Q2 pairs `"jackasses”`, which the text alone reads as
    an odd straight mark and a stray `”`: review21, a claim over the words an indirect quote
    validated with). Spans holding `„` (which Q2 does not pair) stay with the text reading."""
    out = np.zeros(len(rows), bool)
    rows = np.asarray(rows, np.int64)
    if not len(rows) or "articles" not in tables:
        return out
    texts = article_texts(tables)
    numbers = article_numbers(tables, table)[rows]
    start, end = (pc.fill_null(column(rows_table, c).cast(pa.int64(), safe=False), -1).to_numpy(zero_copy_only=False)[rows] for c in spans[:2])
    known = (numbers >= 0) & (start >= 0) & (start < end) & (end <= texts.lengths[np.maximum(numbers, 0)]) & ~np.isin(rows, list(broken))
    if not known.any():
        return out
    article, opens, closes = two_mark_pairs(tables)
    opening = texts.slices(article, opens, opens + 1).cast(pa.string()) if len(article) else pa.array([], pa.string())
    double = pc.fill_null(pc.match_substring_regex(opening, '^[“"]$'), False).to_numpy(zero_copy_only=False)
    base = texts.cp_starts
    position = np.sort(np.concatenate([base[article[double]] + opens[double], base[article[double]] + closes[double]]))
    held = (np.searchsorted(position, base[numbers[known]] + end[known], side="left")
            - np.searchsorted(position, base[numbers[known]] + start[known], side="left"))
    values = column(rows_table, spans[2]).take(pa.array(rows[known], pa.int64()))
    in_value = pc.count_substring_regex(values, '[“”"]').to_numpy(zero_copy_only=False)
    no_low_mark = ~pc.fill_null(pc.match_substring(values, "„"), True).to_numpy(zero_copy_only=False)
    out[np.flatnonzero(known)] = (held == in_value) & no_low_mark
    return out


def two_mark_pairs(tables) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article number, open, close) of every pair of the articles' marks (markscan, Q2) closed
    by a mark: a continued quotation's pair, closed by a paragraph end or the next quotation,
    holds one mark only. The scan is the quotes check's own (computed once per run)."""
    scan = mark_scan(tables)
    if not len(scan.pair_article):
        return scan.pair_article, scan.pair_open, scan.pair_close
    closing = article_texts(tables).slices(scan.pair_article, scan.pair_close, scan.pair_close + 1).cast(pa.string())
    is_mark = pc.fill_null(pc.match_substring_regex(closing, f"^[{re.escape(MARK_CHARACTERS)}]$"), False).to_numpy(zero_copy_only=False)
    return scan.pair_article[is_mark], scan.pair_open[is_mark], scan.pair_close[is_mark]


def mark_scan(tables) -> MarkScan:
    """Every article's pairs and strays of quotation marks, once per validate run."""
    return _shared(tables, ("mark-scan",), lambda: scan_corpus_marks(article_texts(tables)))


def breaks_a_pair(text) -> pa.Array:
    """Per value (a null stays null): G2's rule, `mark_pairs.breaks_a_pair`. Arrow keeps the values
    holding a mark and reduces them to their marks; Python reads only those whose marks are not
    plainly paired (plain: no `„`, the curly marks `“”` pairs one after another, straight ones
    in twos), so a corpus of quotations costs Arrow passes and a hostile value its marks only."""
    text = one_array(text)
    answer = np.zeros(len(text), bool)
    marked = np.flatnonzero(pc.fill_null(pc.match_substring_regex(text, f"[{_MARKS}]"), False).to_numpy(zero_copy_only=False))
    if len(marked):
        marks = pc.replace_substring_regex(text.take(pa.array(marked, pa.int64())), f"[^{_MARKS}]+", "")
        plain = pc.and_(pc.match_substring_regex(marks, f"^(?:“”|{STRAIGHT_MARK})*$"),
                        pc.equal(pc.bit_wise_and(pc.count_substring(marks, STRAIGHT_MARK), 1), 0)).to_numpy(zero_copy_only=False)
        answer[marked[~plain]] = [_breaks_a_pair(value) for value in marks.filter(pa.array(~plain)).to_pylist()]
    return pa.array(answer, pa.bool_(), mask=text.is_null().to_numpy(zero_copy_only=False))


_MARKS = CURLY_MARKS + STRAIGHT_MARK


def _marks(value: str) -> str:
    stray, unclosed = open_marks(value)
    said = [f"left open: {' '.join(unclosed)}"] if unclosed else []
    return "; ".join(["a closing mark whose opening mark is outside it"] * stray + said)
