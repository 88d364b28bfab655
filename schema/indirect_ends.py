"""Indirect speech excludes the sentence's final punctuation (G2: "spans without marks (indirect
speech, claims, evidence) exclude the final sentence punctuation"). An indirect quote widened
onto its full stop, its id re-derived and its children re-pointed, validated (attack15)
[indirect-span-final-punctuation]. Only indirect quotes are judged: a claim or evidence span
may copy quoted words, whose full stop stays inside the marks (G2), and the gold has such
claims. A `.` the sentence goes on after (`... 12 Harbour Blvd., the people said`, `D.C. and`)
ends an abbreviation, not the sentence: the character after the span (blanks skipped) is a
comma, semicolon, colon or lower-case letter there, and the extractor keeps such a stop (all
2,610 dev-news texts' silver held two; the first form of this check refused them)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.final_punctuation import FINAL_PUNCTUATION
from landstrikes.schema.report import Report

_FINAL = "[" + re.escape(FINAL_PUNCTUATION) + "]$"
"""G2's final punctuation ending the span (review15: one widened onto `…` passed)."""


def check_indirect_ends(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", ("article_id", "start", "end", "text", "kind"))
    if quotes is None or not quotes.num_rows:
        return
    text = column(quotes, "text")
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return
    ends = pc.and_(pc.fill_null(pc.equal(column(quotes, "kind"), "indirect"), False),
                   pc.fill_null(pc.match_substring_regex(text, _FINAL), False))
    rows = np.flatnonzero(ends.to_numpy(zero_copy_only=False))
    rows = rows[texts_are_slices(tables, "quotes", quotes, rows, ("start", "end", "text"))]
    rows = rows[~_sentence_goes_on(tables, quotes, rows)]
    for quote_id, value in zip(ids_at(quotes, "quotes", rows), values_at(quotes, "text", rows)):
        report.add("quotes", "indirect-span-final-punctuation",
                   f"an indirect quote's span excludes the sentence's final punctuation (G2); it ends {value[-20:]!r}",
                   quote_id, "end", value[-20:])


_AFTER = 4
"""Characters read after a candidate span at first: a few blanks, then the one that tells; a
longer run of blanks is read on (the extractor's `trimmed` takes any run before the comma)."""
_BLANKS_ON_A_LINE = re.compile(r"[^\S\n]*")
"""Any whitespace but a line feed (a no-break space, a CR, U+2028): the extractor's sentences
never cross a line feed, and its preposed report trims every other blank before the comma."""


def _sentence_goes_on(tables, quotes: pa.Table, rows: np.ndarray) -> np.ndarray:
    """For candidate rows (their text is their article's slice): whether the sentence goes on
    after the span's last `.`/`!`/`?`/`…`, so that it is no final punctuation."""
    out = np.zeros(len(rows), bool)
    if not len(rows):
        return out
    texts = article_texts(tables)
    numbers = article_numbers(tables, "quotes")[rows]
    end = column(quotes, "end").take(pa.array(rows, pa.int64())).cast(pa.int64()).to_numpy(zero_copy_only=False)
    lengths = texts.lengths[numbers]
    pending, reach = np.arange(len(rows)), _AFTER
    while len(pending):  # the rare row whose window is all blanks is read again, four times as far
        stop = np.minimum(end[pending] + reach, lengths[pending])
        after = texts.slices(numbers[pending], end[pending], stop).to_pylist()
        undecided = []
        for at, text, last in zip(pending, after, stop):
            following = text[_BLANKS_ON_A_LINE.match(text).end():]
            if following:
                out[at] = following[0] in ",;:" or following[0].islower()
            elif last < lengths[at]:
                undecided.append(at)
        pending, reach = np.array(undecided, dtype=np.int64), reach * 4
    return out
