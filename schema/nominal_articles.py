"""M1: a NOMINAL mention's span is the description "with its definite determiner or possessive
... an indefinite article stays out" ("interview" in "In an interview"). attack25: that mention
widened onto its article, "an interview", validated [nominal-indefinite-article]. The
extractor's rows are exempt: its nominals name unnamed speakers as written ("a spokesman")."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, is_in
from landstrikes.schema.report import Report

INDEFINITE = r"^(?i:an?)[\s\p{Z}]"
"""A text opening on "a" or "an" and a space of any kind (a no-break space joins words too, M6)."""


def check_nominal_articles(tables, report: Report) -> None:
    mentions = tables.get("mentions")
    if mentions is None or len(mentions) == 0 or not all(c in mentions for c in ("mention_id", "kind", "text")):
        return
    text = arrow_column(tables, "mentions", "text", pa.string())
    opens = pc.fill_null(pc.match_substring_regex(text, INDEFINITE), False).to_numpy(zero_copy_only=False)
    wrong = is_in(mentions, "kind", ("NOMINAL",)) & opens
    if "source" in mentions:
        wrong &= ~is_in(mentions, "source", ("auto",))
    rows = np.flatnonzero(wrong)
    if not len(rows):
        return
    ids = arrow_column(tables, "mentions", "mention_id", pa.string()).take(pa.array(rows)).to_pylist()
    for mention_id, value in zip(ids, text.take(pa.array(rows)).to_pylist()):
        report.add("mentions", "nominal-indefinite-article",
                   "a NOMINAL mention starts at its description: an indefinite article stays out (M1)",
                   mention_id, "start", value, value_of="its text")
