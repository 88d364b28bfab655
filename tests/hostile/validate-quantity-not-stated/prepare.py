from pathlib import Path

from test_attack25_quantity_numbers import _restate


def prepare(input: Path) -> None:
    _restate(input, (97.0, 97.0), (79.0, 79.0))
