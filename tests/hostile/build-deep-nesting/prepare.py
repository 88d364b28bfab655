"""A source nested 200,000 lists deep (libyaml's C composer would crash the process)."""

import os  # noqa: F401
import shutil  # noqa: F401
from pathlib import Path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def prepare(folder: Path) -> None:
    (folder / 'annotations' / 'claim_clusters.yaml').write_text('[' * 200_000)
