"""A raw article has bytes that are not UTF-8."""

from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'raw' / '001_f1f49e9dc8ada067.txt'; p.write_bytes(p.read_bytes() + b'\n\xff\xfe')
