"""A quote's kind and its speaker status say one thing (Q8, Q9): scare quotes are `term` and
only they are ("quoted words used as a label, name or term with no such attribution are `scare`
with `speaker_status = term`"; "`term` - scare quotes"), and an orphan is `unattributed`
("nobody is given (orphans)"). attack27, after the census's label swaps: a000's direct Trump
quote relabelled `scare` (speaker kept), a002's scare quote "enhanced interdiction" relabelled
`partial` (status `term` kept) or given status `unattributed`, and the orphan given status
`term`: each validated [quote-kind-status-mismatch]. The extractor holds the rule too (927 BBC
texts: 783 scare rows, all `term`; 17 orphans, all `unattributed`)."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "quote-kind-status-mismatch"
CHANGES = {
    "a direct quote made scare": (("direct", "attributed"), {"kind": "scare"}),
    "a scare quote made partial": (("scare", "term"), {"kind": "partial"}),
    "a scare quote unattributed": (("scare", "term"), {"speaker_status": "unattributed"}),
    "an orphan made a term": (("orphan", "unattributed"), {"speaker_status": "term"}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_kind_and_status_that_disagree_are_a_finding(dataset_copy, change):
    (kind, status), cells = CHANGES[change]
    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if (q["kind"], q["speaker_status"]) == (kind, status))
    row.update(cells)
    write_rows(dataset_copy, "quotes", quotes)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(row["quote_id"], "speaker_status")]
