"""A staging folder whose journal names a data/ that exists nowhere."""

import shutil
from pathlib import Path

from landstrikes.safety.swap import write_journal


def prepare(input: Path) -> None:
    staging = input / ".build-odd"
    shutil.copytree(input / "data", staging / "data")
    write_journal(staging, {"data": "0" * 64})
