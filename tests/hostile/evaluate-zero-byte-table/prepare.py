from pathlib import Path


def prepare(input: Path) -> None:
    (input / "data" / "segments" / "segments.parquet").write_bytes(b"")
