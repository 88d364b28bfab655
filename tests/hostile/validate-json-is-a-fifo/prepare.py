"""--json names a FIFO (opening it for writing blocks until a reader comes)."""

import os
from pathlib import Path


def prepare(input: Path) -> None:
    os.mkfifo(input / "report.json")
