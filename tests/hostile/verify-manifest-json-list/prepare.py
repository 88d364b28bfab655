from pathlib import Path


def prepare(input: Path) -> None:
    (input / "releases" / "1.0.0" / "MANIFEST.json").write_text("[1, 2, 3]\n", encoding="utf-8")
