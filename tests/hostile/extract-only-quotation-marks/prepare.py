from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "good.txt").write_text("Title\n\nA plain article.\n", encoding="utf-8")
    (raw / "marks.txt").write_text("“" * 200_000 + '"' * 200_000, encoding="utf-8")
