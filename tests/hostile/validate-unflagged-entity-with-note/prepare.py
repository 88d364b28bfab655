from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    flags = pq.read_table(part(input, "entities")).column("flag").to_pylist()
    set_cell(input, "entities", "flag_note", flags.index("none"), "Possibly invented.")
