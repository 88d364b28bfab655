from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    bounds = pq.read_table(part(input, "claims")).column("quantity_bound").to_pylist()
    set_cell(input, "claims", "quantity_bound", bounds.index("range"), "exact")
