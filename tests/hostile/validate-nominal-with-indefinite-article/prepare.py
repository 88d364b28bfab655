from pathlib import Path

from test_attack25_nominal_articles import _widen_onto_article


def prepare(input: Path) -> None:
    _widen_onto_article(input)
