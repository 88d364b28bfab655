"""Every value of a labelled column is one of the labels the release's manifest states for it.

The manifest's label lists were compared with the registry, croissant.json and the card, never
with the values in the files: a file rewritten with `kind = 'bogus'` and re-hashed verified ok,
and `load` then failed inside `datasets` (`ValueError: Invalid string class label`), or returned
the value as pandas (attack16). `verify` checks each decoded file, `load` the table it returns."""

from __future__ import annotations

import pyarrow
import pyarrow.compute as pc

from landstrikes.releases.manifest import Problem


def unlisted_label(rel: str, table: pyarrow.Table, columns: list[dict]) -> Problem | None:
    """The first value (by row) of a labelled column of `table` that its label list lacks; a null
    is no label and is left to the nullability checks. None when every value is listed."""
    for column in columns:
        labels, name = column.get("labels"), column.get("name")
        if labels is None or name not in table.column_names:
            continue
        values = table.column(name)
        if not pyarrow.types.is_string(values.type) and not pyarrow.types.is_large_string(values.type):
            continue  # another type is the tables section's finding (manifest-column-mismatch)
        listed = set(labels)
        if all(value is None or value in listed for value in pc.unique(values).to_pylist()):
            continue
        # rare: the whole column as Python values (pyarrow.scalar or pyarrow.array of a list would import pandas)
        row, value = next((row, value) for row, value in enumerate(values.to_pylist()) if value is not None and value not in listed)
        return Problem("label-value-unlisted", rel,
                       f"row {row}, column {name}: {value[:80]!r} is not one of the labels the manifest states "
                       f"({', '.join(labels)})")
    return None
