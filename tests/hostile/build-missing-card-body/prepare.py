"""The dataset card body is missing."""

from pathlib import Path


def prepare(folder: Path) -> None:
    (folder / 'annotations' / 'card_body.md').unlink()
