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

from landstrikes.schema.checkcorpus import arrow_column, frame_strings, shared_codes
from landstrikes.schema.report import Report
from landstrikes.schema.split_quote_speakers import cued_rows, first_of_cue


def check_cue_events(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) < 2 or not all(c in quotes for c in ("quote_id", "article_id", "start", "cue_start", "cue_end", "event_id")):
        return
    rows = np.flatnonzero(cued_rows(quotes))
    if len(rows) < 2:
        return
    event = shared_codes(frame_strings(quotes, "event_id").take(rows))[0]
    order, first = first_of_cue(quotes, rows)
    differs = event[order] != event[first]
    if not differs.any():
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    events = arrow_column(tables, "quotes", "event_id", pa.string())
    for n in np.flatnonzero(differs):
        row, lead = int(rows[order[n]]), int(rows[first[n]])
        report.add("quotes", "cue-rows-event-differs",
                   f"quote {ids[lead].as_py()} has the same cue and event {events[lead].as_py()!r}: the rows of one cue "
                   f"were said on one occasion (Q3, Q14)", ids[row].as_py(), "event_id", events[row].as_py())
