import json
import shutil  # noqa: F401
from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "releases" / "1.0.0" / "MANIFEST.json"
    moved = input.parent / "moved-1.0.0"
    path.parent.rename(moved)
    path.parent.symlink_to(moved)
