from pathlib import Path

from hostile_tools import edit


def prepare(input: Path) -> None:
    edit(input / "annotations" / "articles" / "001_f1f49e9dc8ada067.yaml",
         'kind: scare, status: term, cluster: q-narco-terror}', 'kind: scare, status: term, cluster: q-narco-terror, speaker_phrase: Trump}')
