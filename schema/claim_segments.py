"""Claims are never annotated in `navigation`, `prompt` or `advertisement` segments (C12:
related-article headlines are links, not the article's claims). A claim added on the breadcrumb
line of a002, with its own one-claim cluster (counts consistent), validated (attack15)
[claim-in-boilerplate-segment]. Every row, the extractor's too: it proposed numeric claims in
related-article links ("300 Stranded Workers to Return Home") and adverts until it read its own
segments (9 of 5,821 claims over 2,575 news texts, all link headlines); its rows were exempt then."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.article_rules import BOILERPLATE_KINDS
from landstrikes.schema.checkcorpus import frame_ints, frame_strings, is_in, known_rows
from landstrikes.schema.report import Report
from landstrikes.schema.rows_in_blocks import rows_overlapping


def check_claim_segments(tables, report: Report) -> None:
    _check(tables, report, "claims", "claim_id", ("start", "end"), "claim-in-boilerplate-segment",
           "a claim is never annotated in a {kind} segment ({segment}): links, prompts and ads are not the article's claims (C12)")


def check_stance_evidence_segments(tables, report: Report) -> None:
    _check(tables, report, "stances", "stance_id", ("evidence_start", "evidence_end"), "evidence-in-boilerplate-segment",
           "a stance's evidence is the article's own text, never a {kind} segment ({segment}): links, prompts and ads "
           "are nobody's stance in this article (S3, as C12 for claims)")


def _check(tables, report: Report, table: str, id_column: str, span: tuple[str, str], check: str, message: str) -> None:
    rows, segments = tables.get(table), tables.get("segments")
    if rows is None or segments is None or not all(c in rows for c in (id_column, "article_id", *span)) \
            or not all(c in segments for c in ("segment_id", "article_id", "start", "end", "kind")):
        return
    noise = np.flatnonzero(is_in(segments, "kind", BOILERPLATE_KINDS) & known_rows(segments))
    found, blocks = rows_overlapping(rows, span, segments, noise, pick="first")  # the first block, the one _report names
    inside = frame_ints(rows, span[1])[found] > frame_ints(rows, span[0])[found]
    _report(rows, segments, found[inside], blocks[inside], report, table, id_column, span[0], check, message)


def _report(rows, segments, found, segment_rows, report, table, id_column, column, check, message) -> None:
    if not len(found):
        return
    row_ids = frame_strings(rows, id_column).take(found).to_pylist()
    segment_ids = frame_strings(segments, "segment_id").take(segment_rows).to_pylist()
    kinds = frame_strings(segments, "kind").take(segment_rows).to_pylist()
    done = set()
    for row_id, segment_id, kind in zip(row_ids, segment_ids, kinds):
        if row_id in done:
            continue
        done.add(row_id)
        report.add(table, check, message.format(kind=kind, segment=segment_id), row_id, column, segment_id, value_of="the segment")
