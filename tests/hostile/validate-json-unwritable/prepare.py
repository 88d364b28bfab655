from pathlib import Path


def prepare(input: Path) -> None:
    (input / "blocker").write_text("a file where the folder should be")
