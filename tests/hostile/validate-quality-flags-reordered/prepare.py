from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    flags = pq.read_table(part(input, "articles")).column("quality_flags").to_pylist()
    row = next(i for i, f in enumerate(flags) if len(f) > 1)
    set_cell(input, "articles", "quality_flags", row, flags[row][::-1])
