"""entities.yaml NFKC-normalised outside git: its aliases' U+2011 non-breaking hyphens become U+2010."""

import unicodedata
from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'annotations' / 'entities.yaml'; p.write_text(unicodedata.normalize('NFKC', p.read_text(encoding='utf-8')), encoding='utf-8')
