import json
import shutil  # noqa: F401
from pathlib import Path


def prepare(input: Path) -> None:
    path = input / "releases" / "1.0.0" / "MANIFEST.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\"manifest_format\": 1,", "\"manifest_format\": 1, \"manifest_format\": 1,", 1), encoding="utf-8")
