from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "groups.txt").write_text("Title\n\nNorland spoke. " + '"We won," Norlandic officials told the Courier, and Basque sources said that it was over. ' * 2_000 + "\n", encoding="utf-8")
    (raw / "nested.txt").write_text("Title\n\n" + "“Ana Lee says, ‘We won.’ I asked him, ‘Why?’ ‘Go home,’ she told me, " * 1_500 + "”\n", encoding="utf-8")
    (raw / "no_stop.txt").write_text("Title\n\n" + '"We won," said a police source ' * 5_000 + "\n", encoding="utf-8")
    (raw / "bodies.txt").write_text("Title\n\n" + "The environment select committee said that the committee was right. " * 4_000 + "\n", encoding="utf-8")
