"""A YAML tag that names a Python object."""

import os  # noqa: F401
from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'entity: maduro-operation}', 'entity: !!python/object/apply:os.system [echo]}')
