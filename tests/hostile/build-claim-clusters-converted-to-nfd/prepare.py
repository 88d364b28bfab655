"""claim_clusters.yaml NFD-normalised outside git (an editor or a macOS tool writing decomposed text)."""

import unicodedata
from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'annotations' / 'claim_clusters.yaml'; p.write_text(unicodedata.normalize('NFD', p.read_text(encoding='utf-8')), encoding='utf-8')
