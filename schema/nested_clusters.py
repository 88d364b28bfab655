"""Q4 with Q12: a quotation inside another "is its own row whose `parent_quote_id` is the
enclosing row", and a cluster "groups quote rows ... that report the same utterance". A row
nested in a parent of the same cue (a partial quote inside its cue's indirect speech: `told Fox
News that the United States had already seen “maximum success”`) quotes words of the utterance its
parent reports, so it is in its parent's cluster.

attack28: a001's "lasting well-being or stability", a003's "get its act together" and a004's
"without consent", each moved out of its parent's cluster into a cluster of its own (id the
row's, similarity 1.0 as a one-row cluster's reference), validated: `cluster-similarity-mismatch`
judges a row against its cluster, not the cluster against the parent's
[nested-quote-cluster-differs]. The reviews of 2.14.0 and 2.15.0 proposed moving 000's "maximum
success" into q-hitting-land because it "follows its parent" (docs/notes/gold215_review.tsv c2,
gold216_review.tsv d2). Every gold row
nested in a parent of its cue (10) is in the parent's cluster. A nested row with a cue of its own
(Trump quoting his own question, "asked", inside "... he said") is another utterance and is not
judged. The extractor gives each quote its own cluster, so its rows are exempt. Rows meet within
one article (partition-safe)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, frame_ints, frame_nulls, frame_strings, is_in, same_article_positions
from landstrikes.schema.report import Report

_COLUMNS = ("quote_id", "parent_quote_id", "cue_start", "cue_end", "cluster_id")


def check_nested_clusters(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) < 2 or not all(c in quotes for c in _COLUMNS):
        return
    nested = ~(frame_nulls(quotes, "parent_quote_id") | frame_nulls(quotes, "cue_start") | frame_nulls(quotes, "cue_end"))
    if "source" in quotes:
        nested &= ~is_in(quotes, "source", ("auto",))
    rows = np.flatnonzero(nested)
    if not len(rows):
        return
    parent = same_article_positions(tables, "quotes", "parent_quote_id", "quotes", "quote_id")[rows]
    rows, parent = rows[parent >= 0], parent[parent >= 0]  # a parent that is no row is parent-quote-missing's
    cue_start, cue_end = frame_ints(quotes, "cue_start"), frame_ints(quotes, "cue_end")
    cued = ~(frame_nulls(quotes, "cue_start") | frame_nulls(quotes, "cue_end"))
    same_cue = cued[parent] & (cue_start[rows] == cue_start[parent]) & (cue_end[rows] == cue_end[parent])
    rows, parent = rows[same_cue], parent[same_cue]
    if not len(rows):
        return
    clusters = frame_strings(quotes, "cluster_id")
    mine, theirs = clusters.take(pa.array(rows)).to_pylist(), clusters.take(pa.array(parent)).to_pylist()
    ids = arrow_column(tables, "quotes", "quote_id", pa.string())
    for row, up, own, other in zip(rows.tolist(), parent.tolist(), mine, theirs):
        if own != other:
            report.add("quotes", "nested-quote-cluster-differs",
                       f"the row is nested in {ids[up].as_py()}, of the same cue, whose cluster is {other!r}: it quotes words "
                       f"of the utterance its parent reports (Q4, Q12)", ids[row].as_py(), "cluster_id", own)
