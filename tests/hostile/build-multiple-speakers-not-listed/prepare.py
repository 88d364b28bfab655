from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "annotations" / "articles" / "003_53ec89303f4de55c.yaml"
    text = path.read_text(encoding="utf-8")
    line = "    speakers: [mexico, united-states]\n"
    assert line in text
    path.write_text(text.replace(line, ""), encoding="utf-8")
