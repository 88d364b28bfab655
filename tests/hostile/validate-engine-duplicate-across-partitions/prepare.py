import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; partition 3 reuses a quote id of partition 0."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    first = pq.read_table(input / "data" / "quotes" / "quotes-000000000.parquet")["quote_id"][0].as_py()
    path = input / "data" / "quotes" / "quotes-000000003.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[-1]["quote_id"] = first
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)
