import os
from pathlib import Path


def prepare(input: Path) -> None:
    (input / ".landstrikes.lock").unlink(missing_ok=True)  # the copied dataset has a real one
    os.symlink(os.path.join("..", "CHANGELOG.md"), input / ".landstrikes.lock")
