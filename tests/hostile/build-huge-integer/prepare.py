"""An occurrence number of 5,000 digits (more than Python converts)."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'n: 1, entity: maduro-operation}', 'n: ' + '9' * 5000 + ', entity: maduro-operation}')
