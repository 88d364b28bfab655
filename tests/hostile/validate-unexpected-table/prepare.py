from pathlib import Path


def prepare(input: Path) -> None:
    import shutil
    shutil.copytree(input / "data" / "stances", input / "data" / "stances_old")
