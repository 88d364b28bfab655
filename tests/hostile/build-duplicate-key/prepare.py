"""A key given twice in one mapping (the last would silently win)."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: maduro-operation, entity: mexico}')
