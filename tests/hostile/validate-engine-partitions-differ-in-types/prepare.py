import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; one mentions file has int32 offsets."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    path = input / "data" / "mentions" / "mentions-000000003.parquet"
    table = pq.read_table(path)
    schema = pa.schema([f.with_type(pa.int32()) if f.type == pa.int64() else f for f in table.schema], metadata=table.schema.metadata)
    pq.write_table(table.cast(schema), path)
