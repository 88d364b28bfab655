"""A 1,000,000-character id: the message shows a 60-character prefix."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: ' + 'x' * 1_000_000 + '}')
