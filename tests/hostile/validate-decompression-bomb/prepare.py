"""The segments part replaced by 5 million copies of its shortest row: a file of a few hundred
kilobytes (run-length and dictionary encoding) that decodes to gigabytes of rows to check.
Written one row group (2**20 rows) at a time from one group held in memory: the same bytes as
`pq.write_table` of all 5 million rows with that row group size (docs/notes/cispeed4.md)."""

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROWS = 5_000_000
GROUP = 1 << 20


def prepare(input: Path) -> None:
    path = sorted((input / "data" / "segments").glob("*.parquet"))[0]
    table = pq.read_table(path)
    shortest = int(pc.index(pc.utf8_length(table.column("text")), pc.min(pc.utf8_length(table.column("text")))).as_py())
    row = table.slice(shortest, 1)
    group = pa.table({f.name: pa.repeat(row.column(f.name)[0], GROUP).cast(f.type) for f in table.schema},
                     schema=table.schema)
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        for start in range(0, ROWS, GROUP):
            writer.write_table(group.slice(0, min(GROUP, ROWS - start)))
