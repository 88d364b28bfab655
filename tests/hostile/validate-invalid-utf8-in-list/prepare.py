from pathlib import Path
from hostile_tools import set_cell


def prepare(input: Path) -> None:
    set_cell(input, "entities", "aliases", 0, [b"\xc3("])
