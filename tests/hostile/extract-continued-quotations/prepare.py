from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "inline.txt").write_text('Title\n\nShe said: ' + '"We won. ' * 9_000 + '"Done."\n', encoding="utf-8")
    (raw / "paragraphs.txt").write_text("Title\n\nShe said:\n\n" + "“We won.\n\n" * 5_000 + "“Done.”\n", encoding="utf-8")
    (raw / "blanks.txt").write_text("Title\n\n" + ('"We won.' + " " * 900) * 1_000 + '"Done."\n', encoding="utf-8")
