from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    first = part(input, "stances")
    row = pq.read_table(first).slice(0, 1)
    i = row.schema.get_field_index("label")
    label = "against" if row.column(i)[0].as_py() != "against" else "favor"
    row = row.set_column(i, row.schema.field(i), pa.array([label], row.schema.field(i).type))
    pq.write_table(row, first.with_name("stances-again.parquet"))
