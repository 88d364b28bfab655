from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    stances = pq.read_table(part(input, "stances")).select(["stance_id"]).to_pylist()
    row = next(i for i, s in enumerate(stances) if s["stance_id"] == "002_f6c5fed12bcb1118:s:article:us-mexico-cooperation")
    set_cell(input, "stances", "fnc_label", row, "discuss")
