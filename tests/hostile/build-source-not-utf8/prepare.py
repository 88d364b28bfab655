"""An annotation source has bytes that are not UTF-8."""

from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'annotations/articles/000_68b95635092649cd.yaml'; p.write_bytes(p.read_bytes() + b'quality: \xff\n')
