from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "annotations" / "claim_clusters.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  variants:\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + '    - {id: nobody-says-this, proposition: "A version no claim states.", record: unknown}\n', 1), encoding="utf-8")
