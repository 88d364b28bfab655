import shutil
from pathlib import Path

from landstrikes.engines.partitions import repartition


def prepare(input: Path) -> None:
    """The gold corpus split into one partition per article; the first mentions file is not Parquet."""
    repartition(input / "data", input / "parts")
    shutil.rmtree(input / "data")
    (input / "parts").rename(input / "data")
    (input / "data" / "mentions" / "mentions-000000000.parquet").write_bytes(b"PAR1 but not really")
