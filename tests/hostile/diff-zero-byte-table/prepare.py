from pathlib import Path


def prepare(input: Path) -> None:
    (input / "data" / "quotes" / "quotes.parquet").write_bytes(b"")
