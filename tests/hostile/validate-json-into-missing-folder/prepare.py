from pathlib import Path


def prepare(input: Path) -> None:
    pass
