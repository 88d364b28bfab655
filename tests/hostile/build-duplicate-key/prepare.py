"""A key given twice in one mapping (the last would silently win)."""

import os  # noqa: F401
import shutil  # noqa: F401
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: maduro-operation, entity: mexico}')
