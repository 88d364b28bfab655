"""One stance's label changed in the Parquet table, nothing else: validate still says VALID."""

from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(folder: Path) -> None:
    labels = pq.read_table(part(folder, "stances")).column("label").to_pylist()
    row = labels.index("against")
    set_cell(folder, "stances", "label", row, "favor")
