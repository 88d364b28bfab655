"""A claim span or a stance's evidence span never breaks a pair of quotation marks (G2, 2.6: "a
claim or evidence span that holds an opening quotation mark keeps its closing mark ... a span
never breaks a pair of marks") [span-breaks-quote-pair]. A stance's evidence moved one code
point left onto its quotation's opening mark, its text re-sliced, validated (the false-VALID
census on 2.7.0's data): every other check saw a span on non-space edges of whole words.

The rule on one text is `mark_pairs.breaks_a_pair` (curly marks read in order, `„` closed by `“`
or `”`, straight marks in twos; single marks and guillemets not judged), which the extractor
holds too. A quality flag's evidence is not judged: a truncation artifact is the stray half of a
pair ("Consent.”"). Only rows whose text is their article's slice are judged (a text that is not
is span-text-mismatch's finding)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column, one_array
from landstrikes.schema.mark_pairs import CURLY_MARKS, STRAIGHT_MARK, open_marks, breaks_a_pair as _breaks_a_pair
from landstrikes.schema.report import Report

SPANS = (
    ("claims", ("start", "end", "text"), "a claim's span"),
    ("stances", ("evidence_start", "evidence_end", "evidence_text"), "a stance's evidence span"),
)
"""The spans G2's pair rule judges: table, its (start, end, text) columns, and how to name one."""


def check_quote_pairs(tables, report: Report) -> None:
    for table, spans, what in SPANS:
        _check_table(tables, report, table, spans, what)


def _check_table(tables, report: Report, table: str, spans: tuple[str, str, str], what: str) -> None:
    rows_table = arrow_of(tables, table, ("article_id", *spans))
    if rows_table is None or not rows_table.num_rows:
        return
    text = column(rows_table, spans[2])
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return  # wrong-dtype's finding
    rows = np.flatnonzero(pc.fill_null(breaks_a_pair(text), False).to_numpy(zero_copy_only=False))
    rows = rows[texts_are_slices(tables, table, rows_table, rows, spans)]
    for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, spans[2], rows)):
        report.add(table, "span-breaks-quote-pair", f"{what} breaks a pair of quotation marks (G2: a span holding "
                   f"one mark of a pair holds the other): {_marks(value)}", row_id, spans[0], value[:40])


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
