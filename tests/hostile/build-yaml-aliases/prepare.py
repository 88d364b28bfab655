"""A few hundred bytes of anchors and aliases that expand to 10^9 strings."""

import os  # noqa: F401
import shutil  # noqa: F401
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def prepare(folder: Path) -> None:
    lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    lines += [f'a{i}: &a{i} [' + ', '.join([f'*a{i - 1}'] * 10) + ']' for i in range(1, 10)]
    (folder / 'annotations' / 'entities.yaml').write_text('\n'.join(lines) + '\n')
