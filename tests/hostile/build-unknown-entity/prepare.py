"""A mention names an entity that entities.yaml does not define."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: no-such-entity}')
