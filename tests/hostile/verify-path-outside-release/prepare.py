import json
from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "releases" / "1.0.0" / "MANIFEST.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["files"]["../../CHANGELOG.md"] = {"sha256": "0" * 64, "bytes": 1}
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
