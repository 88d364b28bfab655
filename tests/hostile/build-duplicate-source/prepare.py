"""Two sources annotate the same raw article (one would silently replace the other)."""

import shutil  # noqa: F401
from pathlib import Path


def prepare(folder: Path) -> None:
    shutil.copy(folder / 'annotations/articles/000_68b95635092649cd.yaml', folder / 'annotations' / 'articles' / 'zzz_copy.yaml')
