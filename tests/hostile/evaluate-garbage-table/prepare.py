from pathlib import Path


def prepare(input: Path) -> None:
    (input / "data" / "mentions" / "mentions.parquet").write_bytes(b"garbage")
