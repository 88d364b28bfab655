"""A raw article has bytes that are not UTF-8."""

import os  # noqa: F401
import shutil  # noqa: F401
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def prepare(folder: Path) -> None:
    p = folder / 'raw' / '001_f1f49e9dc8ada067.txt'; p.write_bytes(p.read_bytes() + b'\n\xff\xfe')
