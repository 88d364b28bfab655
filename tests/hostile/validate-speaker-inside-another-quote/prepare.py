from pathlib import Path

from test_attack52_cue_subjects import give_speaker


def prepare(input: Path) -> None:
    give_speaker(input, "Trump", "contending", "Mexican", before_speaker=False)
