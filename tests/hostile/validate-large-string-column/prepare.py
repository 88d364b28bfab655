from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "segments")
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index("text")
    pq.write_table(arrow.set_column(i, "text", arrow.column(i).cast(pa.large_string())), path)
