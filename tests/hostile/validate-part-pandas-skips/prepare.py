from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "quotes")
    table = pq.read_table(path)
    pq.write_table(table.slice(0, 50), path)
    pq.write_table(table.slice(50), path.parent / "_rest.parquet")
