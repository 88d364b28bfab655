from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    stances = pq.read_table(part(input, "stances")).select(["stance_id", "holder_id"]).to_pylist()
    row = next(i for i, s in enumerate(stances) if s["holder_id"] == "united-states")
    set_cell(input, "stances", "holder_id", row, "maduro-operation")
    set_cell(input, "stances", "stance_id", row, stances[row]["stance_id"].replace(":united-states:", ":maduro-operation:"))
