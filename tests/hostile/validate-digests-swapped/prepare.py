from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "articles")
    table = pq.read_table(path)
    i = table.schema.get_field_index("sha256")
    digests = table.column(i).to_pylist()
    digests[0], digests[1] = digests[1], digests[0]
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(digests, table.schema.field(i).type)), path)
