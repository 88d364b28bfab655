"""An occurrence number of 5,000 digits (more than Python converts)."""

import os  # noqa: F401
import shutil  # noqa: F401
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'n: 1, entity: maduro-operation}', 'n: ' + '9' * 5000 + ', entity: maduro-operation}')
