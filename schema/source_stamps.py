"""A row is the extractor's only when both say so: its `source` is `auto` and its file is
stamped `landstrikes.source=auto`, which only `extract` writes (the silver table allowances
already asked for both marks, validate._all_auto). The annotator's rules exempt the extractor's
rows by their `source`, so a gold row relabelled `auto` (with a confidence, as
`confidence-provenance-mismatch` asks) escaped every one of them: attack25's headline claim
attributed to Trump and its quantity in "ships" validated [auto-row-unstamped]."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.report import NO_ROW
from landstrikes.schema.tableio import landstrikes_metadata


def check_auto_rows_stamped(table: str, id_column: str, parts, add) -> None:
    """One finding per part holding an `auto` row without the stamp; `parts`: (path, Arrow table)."""
    for part_path, part in parts:
        if landstrikes_metadata(part.schema).get("source") == "auto" or part.column_names.count("source") != 1:
            continue
        source = part.column("source")
        if not pa.types.is_string(source.type) and not pa.types.is_large_string(source.type):
            continue  # wrong-dtype's finding
        auto = pc.fill_null(pc.equal(source, "auto"), False)
        if not pc.any(auto).as_py():
            continue
        first = pc.index(auto, True).as_py()
        row_id = part.column(id_column)[first].as_py() if id_column in part.column_names else NO_ROW
        add(table, "auto-row-unstamped",
            f"{part_path.name} holds a row marked source=auto but is not stamped landstrikes.source=auto, which only "
            "extract writes: an edited row would escape the annotator's rules (first such row shown)", row_id, "source", "auto")
