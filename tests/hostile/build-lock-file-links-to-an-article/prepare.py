import os
from pathlib import Path


def prepare(input: Path) -> None:
    article = sorted((input / "raw").glob("*.txt"))[0]
    (input / ".landstrikes.lock").unlink(missing_ok=True)  # the copied dataset has a real one
    os.symlink(os.path.relpath(article, input), input / ".landstrikes.lock")
