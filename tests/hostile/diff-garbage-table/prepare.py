from pathlib import Path


def prepare(input: Path) -> None:
    (input / "data" / "claims" / "claims.parquet").write_bytes(b"PAR1 this is not a Parquet file PAR1")
