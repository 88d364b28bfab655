from pathlib import Path

from hostile_tools import edit


def prepare(input: Path) -> None:
    edit(input / "annotations" / "articles" / "000_68b95635092649cd.yaml",
         '    speaker_phrase: {text: critics, in: "critics say"}\n', '')
