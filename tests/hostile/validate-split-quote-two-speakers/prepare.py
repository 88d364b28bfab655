from pathlib import Path

from test_attack25_split_quote_speakers import _give_a_half_another_speaker


def prepare(input: Path) -> None:
    _give_a_half_another_speaker(input)
