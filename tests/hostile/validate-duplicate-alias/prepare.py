from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "entities")
    table = pq.read_table(path)
    i = table.schema.get_field_index("aliases")
    values = table.column(i).to_pylist()
    row = next(k for k, v in enumerate(values) if v)
    values[row] = values[row] + [values[row][0]]
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type)), path)
