from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "claim_clusters")
    table = pq.read_table(path)
    i = table.schema.get_field_index("proposition")
    values = table.column(i).to_pylist()
    values[0] = values[0][:10] + "\x00" + values[0][10:]
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type)), path)
