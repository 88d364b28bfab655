from pathlib import Path

import pyarrow as pa  # noqa: F401
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "articles")
    table = pq.read_table(path)
    i = table.schema.get_field_index("source_file")
    names = ["../../etc/passwd"] + table.column(i).to_pylist()[1:]
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(names, pa.string())), path)
