from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "claims")
    table = pq.read_table(path)
    lo, hi = table.schema.get_field_index("quantity_low"), table.schema.get_field_index("quantity_high")
    low, high = table.column(lo).to_pylist(), table.column(hi).to_pylist()
    k = next(k for k in range(len(low)) if low[k] is not None and high[k] is not None and low[k] < high[k])
    low[k], high[k] = high[k], low[k]
    table = table.set_column(lo, table.schema.field(lo), pa.array(low, table.schema.field(lo).type))
    pq.write_table(table.set_column(hi, table.schema.field(hi), pa.array(high, table.schema.field(hi).type)), path)
