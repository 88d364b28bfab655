import shutil
from pathlib import Path

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; article 2's partition has no quotes file."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    (input / "data" / "quotes" / "quotes-000000002.parquet").unlink()
