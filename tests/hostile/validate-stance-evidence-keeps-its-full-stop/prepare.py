"""A stance's evidence widened onto the full stop of the quotation it copies (as two 2.4.0 rows were)."""

from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    stances = pq.read_table(part(input, "stances")).select(["stance_id", "evidence_text"]).to_pylist()
    row = next(i for i, s in enumerate(stances) if s["stance_id"] == "002_f6c5fed12bcb1118:s:donald-trump:land-strikes-mexico")
    set_cell(input, "stances", "evidence_end", row, 1242)
    set_cell(input, "stances", "evidence_text", row, stances[row]["evidence_text"] + ".")
