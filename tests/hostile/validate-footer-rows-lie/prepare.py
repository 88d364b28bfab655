"""The segments part replaced by 5 million copies of one row (the decompression bomb), its
footer's file-level row count rewritten to the gold's 55: the row groups, which readers decode,
still hold 5 million."""

import importlib.util
from pathlib import Path

from hostile_tools import footer_says_rows, part

_bomb = Path(__file__).parent.parent / "validate-decompression-bomb" / "prepare.py"
_spec = importlib.util.spec_from_file_location("bomb_prepare", _bomb)
bomb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bomb)


def prepare(input: Path) -> None:
    bomb.prepare(input)
    footer_says_rows(part(input, "segments"), 55)
