"""Indirect speech and claims exclude the sentence's final punctuation (G2: "spans without marks
(indirect speech, claims, evidence) exclude the final sentence punctuation"). An indirect quote
widened onto its full stop, its id re-derived and its children re-pointed, validated (attack15)
[indirect-span-final-punctuation]. Claims were left out because the gold had claims copying a
quotation's words with its full stop (2 of the 3 copies of "The cartels are running Mexico"
did not); the review of 2.2.1 read G2 as written (the claim's span has no marks of its own), so
2.3.0 corrected the two and claims are judged too [claim-span-final-punctuation]; a third review
found two stance evidence spans ending on their quotation's full stop, corrected in 2.5.0
[evidence-span-final-punctuation]. A quality flag's evidence was not judged; the sixth review
found two of 79 ending on their sentence's full stop (an inconsistent self-description and a
boilerplate prompt, corrected in 2.9.0), and G2 2.7 says a flag's evidence ends without it too,
except a truncation artifact's, whose stop is part of the flagged text ("Reu.")
[flag-evidence-final-punctuation]. A `.`
the sentence goes on after (`... 12 Harbour Blvd., the people said`, `D.C. and`) ends an
abbreviation, not the sentence: the character after the span (blanks skipped) is a comma,
semicolon, colon or lower-case letter there, and the check lets such a stop stand (the extractor
keeps it before a comma or a lower-case word, not before `;`: all 2,610 dev-news texts' silver
held two; the first form of this check refused them)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.final_punctuation import CLAUSE_STOPS, FINAL_PUNCTUATION
from landstrikes.schema.report import Report
from landstrikes.schema.stringbytes import ends_with_one_of

_FINAL = FINAL_PUNCTUATION
"""G2's final punctuation ending the span (review15: one widened onto `…` passed): a span
ending on one of these characters (`stringbytes.ends_with_one_of`)."""


def check_final_punctuation_ends(tables, report: Report) -> None:
    _check_final_punctuation(tables, report, "quotes", "indirect-span-final-punctuation", "an indirect quote's span",
                             kind="indirect")
    _check_final_punctuation(tables, report, "claims", "claim-span-final-punctuation", "a claim's span")
    _check_final_punctuation(tables, report, "stances", "evidence-span-final-punctuation", "a stance's evidence span",
                             ("evidence_start", "evidence_end", "evidence_text"))
    _check_final_punctuation(tables, report, "quality_flags", "flag-evidence-final-punctuation", "a quality flag's evidence",
                             kind=TRUNCATION, kind_column="flag", kind_excluded=True)
    _check_clause_stop(tables, report, "quotes", "an indirect quote's span", kind="indirect")
    _check_clause_stop(tables, report, "claims", "a claim's span")
    _check_clause_stop(tables, report, "stances", "a stance's evidence span", ("evidence_start", "evidence_end", "evidence_text"))
    _check_clause_stop(tables, report, "quality_flags", "a quality flag's evidence",
                       kind=TRUNCATION, kind_column="flag", kind_excluded=True)


_CLAUSE_STOP = CLAUSE_STOPS
"""G2 (2.6, after release 2.8.0): a span without marks does not end on the comma, semicolon or
colon after its last word. A claim widened onto its comma, its id re-derived, validated (the
census on 2.8.0's data); the extractor never wrote one (`without_final_punctuation` trims them).
Stance and flag evidence were left unjudged at first (evidence may copy a quotation's words, and
G2 named the clause stop for indirect speech and claims only); the ninth review found two stance
evidence spans ending on the comma the writer put before the closing mark and a boilerplate
flag's evidence on its heading's colon, and G2 2.11 makes the clause stop one rule for every span
without marks. A truncation artifact's evidence is the stray fragment itself, stops and all."""


def _check_clause_stop(tables, report: Report, table: str, what: str,
                       spans: tuple[str, str, str] = ("start", "end", "text"), kind: str | None = None,
                       kind_column: str = "kind", kind_excluded: bool = False) -> None:
    """Rows of `table` (only those of `kind`, or all but those with `kind_excluded`) whose span
    ends on a clause stop."""
    rows_table, rows = _rows_ending_on(tables, table, _CLAUSE_STOP, spans, kind, kind_column, kind_excluded)
    if not len(rows):
        return
    for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, spans[2], rows)):
        report.add(table, "span-ends-on-clause-stop", f"{what} ends on the clause stop after its last word (G2); it ends "
                   f"{value[-20:]!r}", row_id, spans[1], value[-20:],
                   value_of=f"the end of its {spans[2]}")


TRUNCATION = "truncation_artifact"
"""The one flag whose evidence keeps its stop: the stray fragment is the flagged text (G2 2.7)."""


def _check_final_punctuation(tables, report: Report, table: str, check: str, what: str,
                             spans: tuple[str, str, str] = ("start", "end", "text"), kind: str | None = None,
                             kind_column: str = "kind", kind_excluded: bool = False) -> None:
    """Rows of `table` (only those of `kind`, or all but those with `kind_excluded`) whose span
    ends on final punctuation."""
    rows_table, rows = _rows_ending_on(tables, table, _FINAL, spans, kind, kind_column, kind_excluded)
    if not len(rows):
        return
    rows = rows[~_sentence_goes_on(tables, table, rows_table, rows, spans[1])]
    for row_id, value in zip(ids_at(rows_table, table, rows), values_at(rows_table, spans[2], rows)):
        report.add(table, check, f"{what} excludes the sentence's final punctuation (G2); it ends {value[-20:]!r}",
                   row_id, spans[1], value[-20:], value_of=f"the end of its {spans[2]}")


def _rows_ending_on(tables, table: str, characters: str, spans: tuple[str, str, str], kind: str | None,
                    kind_column: str = "kind", kind_excluded: bool = False):
    """(the table as Arrow, the rows of `kind` (or, `kind_excluded`, of any other kind, a null
    one included) whose span text matches `pattern` and is its article's slice); no rows (and
    maybe no table) when the table, a column or a string text is missing: the callers stop at
    no rows."""
    rows_table = arrow_of(tables, table, ("article_id", *spans, kind_column) if kind else ("article_id", *spans))
    none = np.zeros(0, np.int64)
    if rows_table is None or not rows_table.num_rows:
        return rows_table, none
    text = column(rows_table, spans[2])
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return rows_table, none  # wrong-dtype's finding
    ends = ends_with_one_of(text, characters)  # from the bytes: a regex per string was 0.03 CPU-s at 10^5 quote rows
    if kind:
        of_kind = pc.fill_null(pc.equal(column(rows_table, kind_column), kind), False).to_numpy(zero_copy_only=False)
        ends &= ~of_kind if kind_excluded else of_kind
    rows = np.flatnonzero(ends)
    return rows_table, rows[texts_are_slices(tables, table, rows_table, rows, spans)]


_AFTER = 4
"""Characters read after a candidate span at first: a few blanks, then the one that tells; a
longer run of blanks is read on (the extractor's `trimmed` takes any run before the comma)."""
_BLANKS_ON_A_LINE = re.compile(r"[^\S\n]*")
"""Any whitespace but a line feed (a no-break space, a CR, U+2028): the extractor's sentences
never cross a line feed, and its preposed report trims every other blank before the comma."""


def _sentence_goes_on(tables, table: str, rows_table: pa.Table, rows: np.ndarray, end_column: str = "end") -> np.ndarray:
    """For candidate rows (their text is their article's slice): whether the sentence goes on
    after the span's last `.`/`!`/`?`/`…`, so that it is no final punctuation.

    Asked once per place a span ends: nested spans ending on one stop before a long run of
    blanks read it once, not once each."""
    if not len(rows):
        return np.zeros(0, bool)
    texts = article_texts(tables)
    numbers = article_numbers(tables, table)[rows]
    end = column(rows_table, end_column).take(pa.array(rows, pa.int64())).cast(pa.int64()).to_numpy(zero_copy_only=False)
    places, row_place = np.unique(np.stack([numbers, end]), axis=1, return_inverse=True)
    return _goes_on_after(texts, places[0], places[1])[row_place.reshape(-1)]


def _goes_on_after(texts, numbers: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Whether the text of article `numbers[i]` goes on after `end[i]` as a sentence does."""
    out = np.zeros(len(end), bool)
    lengths = texts.lengths[numbers]
    pending, reach = np.arange(len(end)), _AFTER
    while len(pending):  # the rare row whose window is all blanks is read again, four times as far
        stop = np.minimum(end[pending] + reach, lengths[pending])
        after = texts.slices(numbers[pending], end[pending], stop).to_pylist()
        undecided = []
        for at, text, last in zip(pending, after, stop):
            following = text[_BLANKS_ON_A_LINE.match(text).end():]
            if following:
                out[at] = following[0] in CLAUSE_STOPS or following[0].islower()
            elif last < lengths[at]:
                undecided.append(at)
        pending, reach = np.array(undecided, dtype=np.int64), reach * 4
    return out
