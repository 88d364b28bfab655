from pathlib import Path
from hostile_tools import set_cell


def prepare(input: Path) -> None:
    set_cell(input, "quotes", "text", 2, b"\xe2\x28\xa1")
