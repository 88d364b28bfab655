"""A span's `in:` is a list, not a string."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / 'annotations/articles/000_68b95635092649cd.yaml', 'in: "According to him"', 'in: ["According to him"]')
