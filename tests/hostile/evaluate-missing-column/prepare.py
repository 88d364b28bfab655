from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "quotes")
    pq.write_table(pq.read_table(path).drop_columns(["start"]), path)
