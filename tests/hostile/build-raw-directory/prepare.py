"""A raw article 'file' is a directory."""

from pathlib import Path


def prepare(folder: Path) -> None:
    (folder / 'raw' / 'zzz.txt').mkdir()
