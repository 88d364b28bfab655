from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "stances")
    arrow = pq.read_table(path)
    pq.write_table(pa.Table.from_arrays([*arrow.columns, arrow.column("label")], names=[*arrow.column_names, "label"]).replace_schema_metadata(arrow.schema.metadata), path)
