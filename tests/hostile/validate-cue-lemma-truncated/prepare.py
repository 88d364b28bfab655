from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    row = pq.read_table(part(input, "quotes"), columns=["cue_text"]).column("cue_text").to_pylist().index("said")
    set_cell(input, "quotes", "cue_lemma", row, "sai")
