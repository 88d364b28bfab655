"""A quote's kind and speaker status say one thing (Q8, Q9): `scare` quotes have status `term`
and only they do, and an `orphan` is `unattributed`. attack27: a direct quote relabelled
`scare` with its speaker kept, a scare quote relabelled `partial` with status `term` kept, a
scare quote or an orphan given another status all validated (the census's label swaps on
`kind` and `speaker_status`) [quote-kind-status-mismatch]. Every row, the extractor's too: it
holds the rule (783 scare rows and 17 orphans over 927 BBC texts).

Arrow decides every row; Python only for the rows that fail."""

from __future__ import annotations

import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report


def check_quote_kinds(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", ("kind", "speaker_status"))
    if quotes is None or not quotes.num_rows:
        return
    kind, status = column(quotes, "kind"), column(quotes, "speaker_status")
    scare, term = pc.fill_null(pc.equal(kind, "scare"), False), pc.fill_null(pc.equal(status, "term"), False)
    orphan = pc.fill_null(pc.equal(kind, "orphan"), False)
    wrong = pc.or_(pc.xor(scare, term), pc.and_(orphan, pc.fill_null(pc.not_equal(status, "unattributed"), False)))
    rows = failing_rows(wrong)
    for quote_id, k, s in zip(ids_at(quotes, "quotes", rows), values_at(quotes, "kind", rows), values_at(quotes, "speaker_status", rows)):
        want = "term" if k == "scare" else "unattributed" if k == "orphan" else "anything but 'term' (only scare quotes are terms)"
        report.add("quotes", "quote-kind-status-mismatch", f"a {k!r} quote has speaker_status {want}, not {s!r} (Q8, Q9)",
                   quote_id, "speaker_status", s)
