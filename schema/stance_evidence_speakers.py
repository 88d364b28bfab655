"""S5: "A clause the article attributes to others (a quote, ...) is evidence for that holder's row
(S3)": stance evidence lying inside a direct, partial or indirect quote whose speaker the text
names (attributed, implicit) is held by that speaker (`holder_kind` entity, `holder_id` the
quote's `speaker_id`). The article's own rows are voice-evidence-attributed's. attack25: a
stance whose evidence lies in an attributed quote given another mentioned holder validated
[evidence-not-speakers]. Annotated rows only (the extractor proposes no stances)."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import frame_nulls, frame_strings, is_in
from landstrikes.schema.claim_speakers import QUOTE_COLUMNS, speech_quotes_holding
from landstrikes.schema.report import Report

_SPAN = ("evidence_start", "evidence_end")
NAMED = ("attributed", "implicit")


def check_stance_evidence_speakers(tables, report: Report) -> None:
    stances, quotes = tables.get("stances"), tables.get("quotes")
    if stances is None or quotes is None or not all(c in quotes for c in QUOTE_COLUMNS) \
            or not all(c in stances for c in ("stance_id", "article_id", "holder_kind", "holder_id", *_SPAN)):
        return
    held = ~(frame_nulls(stances, "article_id") | frame_nulls(stances, _SPAN[0]) | frame_nulls(stances, _SPAN[1])) \
        & ~is_in(stances, "holder_kind", ("article",))
    if "source" in stances:
        held &= ~is_in(stances, "source", ("auto",))
    rows = np.flatnonzero(held)
    quote_rows = speech_quotes_holding(stances, rows, quotes, _SPAN)
    quoted = quote_rows >= 0
    rows, quote_rows = rows[quoted], quote_rows[quoted]
    named = is_in(quotes, "speaker_status", NAMED)[quote_rows]
    rows, quote_rows = rows[named], quote_rows[named]
    if not len(rows):
        return
    holder = frame_strings(stances, "holder_id").take(rows)
    speaker = frame_strings(quotes, "speaker_id").take(quote_rows)
    same = pc.fill_null(pc.equal(holder, speaker), False).to_numpy(zero_copy_only=False)
    wrong = np.flatnonzero(~same)
    if not len(wrong):
        return
    stance_ids = frame_strings(stances, "stance_id").take(rows[wrong]).to_pylist()
    quote_ids = frame_strings(quotes, "quote_id").take(quote_rows[wrong]).to_pylist()
    for n, stance_id, quote_id in zip(wrong, stance_ids, quote_ids):
        report.add("stances", "evidence-not-speakers",
                   f"the evidence lies in quote {quote_id}, spoken by {speaker[int(n)].as_py()!r}: quoted words are their speaker's stance (S5)",
                   stance_id, "holder_id", holder[int(n)].as_py())
