from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    claims = pq.read_table(part(input, "claims")).select(["text", "quantity_bound"]).to_pylist()
    row = next(i for i, c in enumerate(claims) if "at least 35 boats" in c["text"] and c["quantity_bound"] == "at_least")
    set_cell(input, "claims", "quantity_bound", row, "exact")
