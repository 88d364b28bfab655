import shutil
from pathlib import Path

from hostile_tools import part


def prepare(input: Path) -> None:
    first = part(input, "quotes")
    shutil.copyfile(first, first.with_name("quotes-copy.parquet"))
