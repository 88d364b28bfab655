from pathlib import Path

from test_attack25_duplicate_headlines import _move_flag


def prepare(input: Path) -> None:
    _move_flag(input, "000_", "Claudia Sheinbaum")
