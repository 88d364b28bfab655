from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq


def prepare(input: Path) -> None:
    """Drop the mention of "EO\\u202f13864" in 002, leaving the name uncovered."""
    path = input / "data" / "mentions" / "mentions.parquet"
    table = pq.read_table(path)
    keep = pc.invert(pc.equal(table.column("text"), "EO\u202f13864"))
    assert table.num_rows - pc.sum(keep.cast("int64")).as_py() == 1
    pq.write_table(table.filter(keep), path)
