"""Q3: the rows of one cue (a quotation the reporting clause interrupts, "the same speaker, the
same speaker mention and the same cue"; Q13's content rows under one cue) share that cue's
subject: each gives the speaker status, speaker and speaker mention of the first of them.
attack25: one half of a split quote given another speaker, mention and words consistent,
validated [split-quote-speaker-differs]. Annotated rows only: the extractor gives the rows of one
cue different speakers (40 of 1,571 shared cues on the BBC dev news)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import article_codes, arrow_column, frame_ints, frame_nulls, frame_strings, is_in, shared_codes
from landstrikes.schema.report import Report

_SPEAKER = ("speaker_status", "speaker_id", "speaker_mention_id")


def cued_rows(quotes) -> np.ndarray:
    """The quote rows that have a cue, an article and a start (the rows `first_of_cue` groups)."""
    return ~(frame_nulls(quotes, "article_id") | frame_nulls(quotes, "cue_start") | frame_nulls(quotes, "cue_end") | frame_nulls(quotes, "start"))


def first_of_cue(quotes, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`rows` (positions in `rows`) sorted by article, cue and start, and for each the first of its
    cue's rows: the rows of one cue are those of one article with the same cue_start and cue_end."""
    article = article_codes((quotes, rows))[0]
    cue_start, cue_end, start = (frame_ints(quotes, c)[rows] for c in ("cue_start", "cue_end", "start"))
    order = np.lexsort((start, cue_end, cue_start, article))
    cue = np.stack([article, cue_start, cue_end], axis=1)[order]
    opens = np.ones(len(order), dtype=bool)
    opens[1:] = (cue[1:] != cue[:-1]).any(axis=1)
    return order, order[np.maximum.accumulate(np.where(opens, np.arange(len(order)), 0))]


def rows_unlike_their_cue_lead(quotes, rows: np.ndarray, codes: np.ndarray) -> list[tuple[int, int]]:
    """(row, lead) table positions of each of `rows` whose `codes` (one code, or one row of codes,
    per row) differ from those of the first row of its cue: what a rule "the rows of one cue share
    X" reports (Q3's speaker, Q14's event)."""
    order, first = first_of_cue(quotes, rows)
    codes = codes.reshape(len(rows), -1)
    differs = (codes[order] != codes[first]).any(axis=1)
    return [(int(rows[order[n]]), int(rows[first[n]])) for n in np.flatnonzero(differs)]


def check_split_quote_speakers(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) < 2 or not all(c in quotes for c in ("quote_id", "article_id", "start", "cue_start", "cue_end", *_SPEAKER)):
        return
    cued = cued_rows(quotes)
    if "source" in quotes:
        cued &= ~is_in(quotes, "source", ("auto",))
    rows = np.flatnonzero(cued)
    if len(rows) < 2:
        return
    speaker = np.stack([shared_codes(frame_strings(quotes, c).take(rows))[0] for c in _SPEAKER], axis=1)
    unlike = rows_unlike_their_cue_lead(quotes, rows, speaker)
    if not unlike:
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    speakers = arrow_column(tables, "quotes", "speaker_id", pa.string())
    for row, lead in unlike:
        report.add("quotes", "split-quote-speaker-differs",
                   f"quote {ids[lead].as_py()} has the same cue and {speakers[lead].as_py()!r} as its speaker: the rows of one cue share its subject (Q3)",
                   ids[row].as_py(), "speaker_id", speakers[row].as_py())
