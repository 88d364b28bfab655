from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "pronouns.txt").write_text("Title\n\n" + 'He said that it was over. "We won," he added. ' * 4_000 + "\n", encoding="utf-8")
    (raw / "quoted.txt").write_text("Title\n\n" + '“Yes,” he said. ' * 6_000 + "\n", encoding="utf-8")
    (raw / "roles.txt").write_text("Title\n\n" + 'Deputy Prime Minister Ana Lee met Tom Hale. "We won," the prime minister said. ' * 3_000 + "\n", encoding="utf-8")
    (raw / "spokes.txt").write_text("Title\n\n" + 'The spokeswoman spoke. "We won," the spokeswoman said. ' * 4_000 + "\n", encoding="utf-8")
    (raw / "titles.txt").write_text("Title\n\n" + '"We won," Army Col. A. B. Sgt. Rep. ' * 3_000 + "\n", encoding="utf-8")
    (raw / "bodies.txt").write_text("Title\n\n" + '"We won," Ana Lee of the Norland Institute, Tom Hale, Norcom Trust said: "Yes." ' * 2_000 + "\n", encoding="utf-8")
