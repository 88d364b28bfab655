from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "mentions")
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index("start")
    pq.write_table(arrow.set_column(i, "start", arrow.column(i).cast(pa.float64())), path)
