import shutil
from pathlib import Path

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; one mentions part is not Parquet."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    (input / "data" / "mentions" / "mentions-000000002.parquet").write_bytes(b"PAR1 but not really")
