from pathlib import Path


def prepare(input: Path) -> None:
    raw = input / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / "before.txt").write_text("Title\n\n" + 'Tom Hale said, "We won." When Ana Lee asked why, Hale replied: "Luck." ' * 3_000 + "\n", encoding="utf-8")
    (raw / "asides.txt").write_text("Title\n\n" + 'Ana Lee, 48, who was visiting from nearby Kendrick, living in Lagos, Nigeria, who, which, said: "Yes." '
                                    * 2_000 + "\n", encoding="utf-8")
    (raw / "apposed.txt").write_text("Title\n\n" + '"We won," the press secretary, Rear Adm. Lt. Col. Ana Lee, the chairman of Norland Watch, '
                                     'Sir Tom Hale, said. ' * 2_000 + "\n", encoding="utf-8")
    (raw / "possessive.txt").write_text("Title\n\n" + 'His message to the mayor was: "Go." Her reply to him is: "No." ' * 3_000 + "\n", encoding="utf-8")
    (raw / "roleat.txt").write_text("Title\n\n" + '"Yes," Ana Lee, an analyst at Nomura told the MP, who said "No," said Norbank Amro chief Asian '
                                    'strategist Ed Wong. ' * 2_000 + "\n", encoding="utf-8")
