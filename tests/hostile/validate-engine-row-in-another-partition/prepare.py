import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; article 0's first claim moved to
    partition 3's claims file, with one letter of its text changed."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    source, target = (input / "data" / "claims" / f"claims-00000000{k}.parquet" for k in (0, 3))
    here, there = pq.read_table(source), pq.read_table(target)
    claim = here.slice(0, 1).to_pylist()[0]
    claim["text"] = "Q" + claim["text"][1:]
    pq.write_table(here.slice(1), source)
    pq.write_table(pa.Table.from_pylist(there.to_pylist() + [claim], schema=there.schema), target)
