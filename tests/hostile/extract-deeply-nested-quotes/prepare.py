from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "good.txt").write_text("Title\n\nA plain article.\n", encoding="utf-8")
    (raw / "nested.txt").write_text("He said “a ‘b " * 4000 + "’ c” " * 4000, encoding="utf-8")
