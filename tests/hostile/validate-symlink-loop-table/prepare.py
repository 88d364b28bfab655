from pathlib import Path


def prepare(input: Path) -> None:
    import os
    import shutil
    shutil.rmtree(input / "data" / "quotes")
    os.symlink(input / "data" / "quotes", input / "data" / "quotes")
