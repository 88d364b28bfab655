from pathlib import Path


def prepare(input: Path) -> None:
    import os
    os.symlink(input / "data" / "quotes" / "b.parquet", input / "data" / "quotes" / "b.parquet")
