from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    arrow = pq.read_table(part(input, "claims"))
    row = next(i for i, v in enumerate(arrow.column("quantity_low").to_pylist()) if v is not None)
    set_cell(input, "claims", "quantity_low", row, float("inf"))
