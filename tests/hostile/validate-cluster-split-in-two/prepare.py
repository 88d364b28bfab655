from pathlib import Path

from test_attack25_repeated_propositions import _split_cluster


def prepare(input: Path) -> None:
    _split_cluster(input, str)
