"""An entity's `flag_note` says why it is flagged, so it is there exactly when `flag` is not
`none` (E5; the column's own description). A producer that flips a flag or drops a note leaves
the other column telling the truth: the census found both VALID."""

from __future__ import annotations

import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report


def check_entity_flag_notes(tables, report: Report) -> None:
    entities = arrow_of(tables, "entities", ("flag", "flag_note"))
    if entities is None:
        return
    unflagged = pc.equal(column(entities, "flag"), "none")
    without_note = column(entities, "flag_note").is_null()
    rows = failing_rows(pc.not_equal(unflagged, without_note))
    for entity_id, flag, note in zip(ids_at(entities, "entities", rows), values_at(entities, "flag", rows), values_at(entities, "flag_note", rows)):
        why = "flag 'none' carries no flag_note" if flag == "none" else f"flag {flag!r} needs a flag_note saying why (E5)"
        report.add("entities", "entity-flag-note-mismatch", why, entity_id, "flag_note", note)
