from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "good.txt").write_text("Title\n\nA plain article.\n", encoding="utf-8")
    (raw / "huge.txt").write_bytes(b"word " * 10_000_000)
