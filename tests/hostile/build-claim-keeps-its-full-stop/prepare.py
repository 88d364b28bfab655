"""A claim that copies a quotation's words with its full stop (as two 2.2.1 claims did)."""

from pathlib import Path

from hostile_tools import edit


def prepare(folder: Path) -> None:
    edit(folder / "annotations/articles/000_68b95635092649cd.yaml",
         '  - {text: "The cartels are running Mexico", claimant', '  - {text: "The cartels are running Mexico.", claimant')
