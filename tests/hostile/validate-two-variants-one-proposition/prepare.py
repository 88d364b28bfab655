from pathlib import Path

from test_attack25_repeated_propositions import _restate_second_variant


def prepare(input: Path) -> None:
    _restate_second_variant(input, str.upper)
