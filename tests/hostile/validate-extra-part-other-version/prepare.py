from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    arrow = pq.read_table(part(input, "stance_targets"))
    meta = {**arrow.schema.metadata, b"landstrikes.schema_version": b"0.9"}
    pq.write_table(arrow.slice(0, 0).replace_schema_metadata(meta), input / "data" / "stance_targets" / "zz-extra.parquet")
