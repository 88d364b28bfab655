from pathlib import Path

from test_attack25_exclusion_mentions import _add_mention_over_exclusion


def prepare(input: Path) -> None:
    _add_mention_over_exclusion(input)
