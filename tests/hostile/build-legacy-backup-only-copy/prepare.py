"""dataset/data renamed to .data-old and nothing renamed in: what the old swap left when killed."""

from pathlib import Path


def prepare(input: Path) -> None:
    (input / "data").rename(input / ".data-old")
