from pathlib import Path

from hostile_tools import edit


def prepare(input: Path) -> None:
    edit(input / "annotations" / "articles" / "001_f1f49e9dc8ada067.yaml",
         '{text: "War on Narco-Terrorists", kind: scare, status: term}', '{text: "War on Narco-Terrorists", kind: scare, status: term, speaker_phrase: Trump}')
