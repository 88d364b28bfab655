"""A field that must be an id holds a number."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: 12}')
