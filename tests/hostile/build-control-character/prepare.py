"""An annotation source has a control character YAML forbids."""

from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'annotations/articles/000_68b95635092649cd.yaml'; p.write_bytes(p.read_bytes() + b'quality: \x01\n')
