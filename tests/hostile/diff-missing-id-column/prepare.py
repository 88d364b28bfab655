from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "mentions")
    arrow = pq.read_table(path)
    pq.write_table(arrow.drop_columns(["mention_id"]), path)
