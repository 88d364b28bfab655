"""Q14 with Q3 and Q4: the quote rows of one cue were said on one occasion, so they name one
speech event. A split quote's halves ("the same speaker, the same speaker mention and the same
cue"), Q13's content rows under one cue and a partial quote inside the indirect speech of its
cue (`told Fox News that the United States had already seen “maximum success”`) are words of
one utterance; Q14's event "applies to the quote rows of that occasion in the same sentence".

attack28: a000's split quote with its second half's `event_id` set to null (the first keeps
`fox-news-interview-2026`), and the partial "maximum success" with its event dropped while its
enclosing indirect row keeps it, each validated: `speech-event-invalid` judges a named event
only, and nothing compared the rows of one cue [cue-rows-event-differs]. Every gold cue shared
by several rows (13, 8 of them with an event) gives them one event; the extractor names no
event, so its rows hold the rule too (1,571 shared cues on the BBC dev news)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, frame_ints, frame_strings, is_in, same_article_positions, shared_codes
from landstrikes.schema.report import Report
from landstrikes.schema.split_quote_speakers import cued_rows, first_of_cue, rows_unlike_their_cue_lead


def check_cue_events(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) < 2 or not all(c in quotes for c in ("quote_id", "article_id", "start", "cue_start", "cue_end", "event_id")):
        return
    rows = np.flatnonzero(cued_rows(quotes))
    if len(rows) < 2:
        return
    event = shared_codes(frame_strings(quotes, "event_id").take(rows))[0]
    unlike = rows_unlike_their_cue_lead(quotes, rows, event)
    if not unlike:
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    events = arrow_column(tables, "quotes", "event_id", pa.string())
    for row, lead in unlike:
        report.add("quotes", "cue-rows-event-differs",
                   f"quote {ids[lead].as_py()} has the same cue and event {events[lead].as_py()!r}: the rows of one cue "
                   f"were said on one occasion (Q3, Q14)", ids[row].as_py(), "event_id", events[row].as_py())


def check_cue_modes(tables, report: Report) -> None:
    """Q5: "When the verb already has its own content before the colon ("Trump told Fox News’ Sean
    Hannity that ...: “...”"), the verb is the cue of its that-clause row and the colon the cue of
    the direct quote after it: one cue per row, and the verb's content is not the quotation." So
    the rows of one cue report its content one way: indirect rows (Q13's clauses, with the partial
    quotes nested in them), or quoted rows (Q3's split halves), never an indirect row and a direct
    or partial row outside it.

    attack28: a002's direct quote after "Trump told Fox News’ Sean Hannity that ...:" given the
    verb "told" as its cue validated: each cue was checked against its own row only
    [cue-shared-by-speech-and-quote]. Releases 2.1.0 to 2.6.0 shipped exactly that row (found by
    hand in the review of 2.6.0, docs/notes/gold27_review.tsv b7; Q5's sentence wrote the fix down
    in 2.14). The gold's 13 shared cues hold it, as every later release. Annotated rows only: on
    the BBC dev news the extractor gives 135 quotations the cue of an indirect row beside them."""
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) < 2 or not all(c in quotes for c in ("quote_id", "article_id", "start", "kind", "cue_start", "cue_end",
                                                                          "parent_quote_id")):
        return
    cued = cued_rows(quotes)
    if "source" in quotes:
        cued &= ~is_in(quotes, "source", ("auto",))
    rows = np.flatnonzero(cued)
    if len(rows) < 2:
        return
    indirect = is_in(quotes, "kind", ("indirect",))
    quoted = is_in(quotes, "kind", ("direct", "partial"))
    parent = same_article_positions(tables, "quotes", "parent_quote_id", "quotes", "quote_id")
    cue_start, cue_end = frame_ints(quotes, "cue_start"), frame_ints(quotes, "cue_end")
    up = np.maximum(parent, 0)
    inside_speech = (parent >= 0) & indirect[up] & cued[up] & (cue_start[up] == cue_start) & (cue_end[up] == cue_end)
    free = quoted & ~inside_speech  # a quotation of the cue's own, not one inside its indirect speech
    order, first = first_of_cue(quotes, rows)
    group = np.unique(first, return_inverse=True)[1]
    speech_in = np.bincount(group, weights=indirect[rows[order]], minlength=group.max() + 1) > 0
    free_in = np.bincount(group, weights=free[rows[order]], minlength=group.max() + 1) > 0
    bad = speech_in[group] & free_in[group] & free[rows[order]]
    if not bad.any():
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    texts = arrow_column(tables, "quotes", "cue_text", pa.string()) if "cue_text" in quotes else None
    for n in np.flatnonzero(bad):
        row, lead = int(rows[order[n]]), int(rows[first[n]])
        report.add("quotes", "cue-shared-by-speech-and-quote",
                   f"the cue of this quotation also introduces indirect speech (rows of {ids[lead].as_py()}'s cue): a verb with its "
                   f"own content is the cue of that clause only, one cue per row (Q5)", ids[row].as_py(), "cue_start",
                   texts[row].as_py() if texts is not None else None, value_of="its cue's text")
