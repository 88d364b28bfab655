"""The segments part replaced by 5 million copies of its shortest row: a file of a few hundred
kilobytes (run-length and dictionary encoding) that decodes to gigabytes of rows to check."""

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROWS = 5_000_000


def prepare(input: Path) -> None:
    path = sorted((input / "data" / "segments").glob("*.parquet"))[0]
    table = pq.read_table(path)
    shortest = int(pc.index(pc.utf8_length(table.column("text")), pc.min(pc.utf8_length(table.column("text")))).as_py())
    row = table.slice(shortest, 1)
    columns = {f.name: pa.repeat(row.column(f.name)[0], ROWS).cast(f.type) for f in table.schema}
    bomb = pa.table(columns, schema=table.schema).replace_schema_metadata(table.schema.metadata)
    pq.write_table(bomb, path, compression="zstd", row_group_size=1 << 20)
