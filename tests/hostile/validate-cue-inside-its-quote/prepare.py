from pathlib import Path

from test_attack25_quote_cues import _cue_on_first_word


def prepare(input: Path) -> None:
    _cue_on_first_word(input, "indirect")
