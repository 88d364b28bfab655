"""C10 and S3: "A verbatim repeat of the headline (flagged `duplicate_headline`), a copy after a
breadcrumb path included, is not annotated": no claim, and no stance's evidence, overlaps a
`duplicate_headline` flag's evidence (the claim and the evidence are the headline's, at its first
occurrence). attack25: the headline claim annotated again in its flagged repeat validated
[claim-in-repeated-headline]; attack55: a stance's evidence moved to the repeat validated
[evidence-in-repeated-headline] (S3 says so since 2.41; the gold keeps it, 0 of 88 rows). Every
row: the extractor proposes no claim there, and writes no stance."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.checkcorpus import frame_strings, is_in, known_rows
from landstrikes.schema.report import Report
from landstrikes.schema.rows_in_blocks import rows_overlapping


def check_repeated_headline_claims(tables, report: Report) -> None:
    _check_outside_repeats(tables, report, "claims", "claim_id", ("start", "end"), "claim-in-repeated-headline",
                           "the claim lies in a repeat of the headline ({flag}), which is not annotated: its claim is the headline's (C10)")


def check_repeated_headline_evidence(tables, report: Report) -> None:
    _check_outside_repeats(tables, report, "stances", "stance_id", ("evidence_start", "evidence_end"), "evidence-in-repeated-headline",
                           "the evidence lies in a repeat of the headline ({flag}), which is not annotated: the headline's own words "
                           "are the evidence, at their first occurrence (S3, C10)")


def _check_outside_repeats(tables, report: Report, table: str, id_column: str, span: tuple[str, str], check: str,
                           message: str) -> None:
    rows, flags = tables.get(table), tables.get("quality_flags")
    if rows is None or flags is None or not all(c in rows for c in (id_column, "article_id", *span)) \
            or not all(c in flags for c in ("flag_id", "article_id", "flag", "start", "end")):
        return
    repeats = np.flatnonzero(is_in(flags, "flag", ("duplicate_headline",)) & known_rows(flags))
    found_rows, flag_rows = rows_overlapping(rows, span, flags, repeats, pick="last")  # what dict(zip(...)) kept of every pair
    if not len(found_rows):
        return
    row_ids = frame_strings(rows, id_column).take(found_rows).to_pylist()
    flag_ids = frame_strings(flags, "flag_id").take(flag_rows).to_pylist()
    # one finding per row: keyed by id, two rows sharing an id (a duplicate-id, in two articles) were one
    # finding in one folder and two under --engine with the articles in two tasks (attack31)
    for row_id, flag_id in zip(row_ids, flag_ids):
        report.add(table, check, message.format(flag=flag_id), row_id, span[0], flag_id, value_of="the flag")
