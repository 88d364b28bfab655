"""A raw article is a symlink to itself."""

import os  # noqa: F401
from pathlib import Path


def prepare(folder: Path) -> None:
    os.symlink('loop.txt', folder / 'raw' / 'loop.txt')
