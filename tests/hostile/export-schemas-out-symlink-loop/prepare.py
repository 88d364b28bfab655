"""A symlink that points at itself (git cannot store it)."""

import os
from pathlib import Path


def prepare(input: Path) -> None:
    os.symlink(input / "loop", input / "loop")
