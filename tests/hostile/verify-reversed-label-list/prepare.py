import json
from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "releases" / "1.0.0" / "MANIFEST.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    next(c for c in manifest["tables"]["quotes"]["columns"] if c["name"] == "kind")["labels"].reverse()
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
