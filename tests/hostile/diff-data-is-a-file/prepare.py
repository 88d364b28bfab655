from pathlib import Path


def prepare(input: Path) -> None:
    import shutil
    shutil.rmtree(input / "data")
    (input / "data").write_text("not a folder")
