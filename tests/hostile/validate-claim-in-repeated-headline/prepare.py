from pathlib import Path

from test_attack25_repeated_headline_claims import _annotate_the_repeat


def prepare(input: Path) -> None:
    _annotate_the_repeat(input)
