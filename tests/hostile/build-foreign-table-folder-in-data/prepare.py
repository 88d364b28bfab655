import shutil
from pathlib import Path

from hostile_tools import part


def prepare(input: Path) -> None:
    (input / "data" / "silver").mkdir()
    shutil.copyfile(part(input, "quotes"), input / "data" / "silver" / "quotes.parquet")
