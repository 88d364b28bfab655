from pathlib import Path

from hostile_tools import edit


def prepare(input: Path) -> None:
    # the headline's scare quote (a singleton since 2.7.0, b11: no `cluster:` any more)
    edit(input / "annotations" / "articles" / "001_f1f49e9dc8ada067.yaml",
         '{text: "Narco-Terror", n: 1, kind: scare, status: term}', '{text: "Narco-Terror", n: 1, kind: scare, status: term, speaker_phrase: Trump}')
