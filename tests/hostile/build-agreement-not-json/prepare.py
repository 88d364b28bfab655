"""Agreement.json is not JSON."""

from pathlib import Path


def prepare(folder: Path) -> None:
    (folder / 'agreement.json').write_text('{not json')
