"""A source with a second YAML document."""

from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'annotations/articles/000_68b95635092649cd.yaml'; p.write_text(p.read_text(encoding='utf-8') + '---\narticle: x.txt\n', encoding='utf-8')
