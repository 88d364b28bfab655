"""A vague quantity has the value of C5's fixed table ("dozens" 24-99, "hundreds of thousands"
200,000-999,999, ...). `vague-quantity-not-normalised` asks only that some value be given, so
"dozens of boats" stated as 10-20, or "hundreds of thousands of deaths" as 200-999, validated
(attack15) [vague-quantity-off-table].

Judged where the phrase is the claim's only quantity: an annotated row (the extractor's, source
`auto`, keeps its own table, scripts/extract/claims.py) with a bound, exactly one phrase of the
table in its text and no digit (a digit may be the quantity: "roughly 40%"). The bound is judged
too (C5: a vague quantity is `approximate`): "dozens" as exactly 12, or as the range 10-20, passed
the first form of this check, which read approximate rows only (review15)."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

VAGUE_TABLE = {
    "a few": (2, 5), "several": (3, 9), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}
"""ANNOTATION_GUIDELINES.md C5, low-high of each phrase."""

_PHRASE = re.compile(r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in sorted(VAGUE_TABLE, key=len, reverse=True)) + r")\b", re.IGNORECASE)
"""Longest phrase first; any space between its words (a no-break space included)."""


def check_vague_table(tables, report: Report) -> None:
    claims = arrow_of(tables, "claims", ("text", "quantity_low", "quantity_high", "quantity_bound"))
    if claims is None or not claims.num_rows:
        return
    bounded = column(claims, "quantity_bound").is_valid()  # a missing bound is quantity-incomplete's
    if "source" in claims.column_names:
        bounded = pc.and_(bounded, pc.fill_null(pc.not_equal(column(claims, "source"), "auto"), True))
    rows = np.flatnonzero(bounded.to_numpy(zero_copy_only=False))
    if not len(rows):
        return
    texts, lows, highs, bounds = (values_at(claims, name, rows) for name in ("text", "quantity_low", "quantity_high", "quantity_bound"))
    for row, text, low, high, bound in zip(rows, texts, lows, highs, bounds):
        if not isinstance(text, str) or low is None or high is None or low != low or high != high or any(c.isdigit() for c in text):  # a missing or NaN bound is another check's
            continue
        phrases = [" ".join(m.group().lower().split()) for m in _PHRASE.finditer(text)]
        if len(phrases) != 1:
            continue
        want = VAGUE_TABLE[phrases[0]]
        if (low, high) != want or bound != "approximate":
            claim_id = ids_at(claims, "claims", np.array([row]))[0]
            report.add("claims", "vague-quantity-off-table",
                       f"{phrases[0]!r} is approximate {want[0]:,}-{want[1]:,} by C5's table; the claim gives {bound} {low}-{high}",
                       claim_id, "quantity_low" if bound == "approximate" else "quantity_bound", low if bound == "approximate" else bound)
