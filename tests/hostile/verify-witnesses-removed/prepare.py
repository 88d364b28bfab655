import json
from pathlib import Path

from hostile_tools import flip_stance_rehashed


def prepare(input: Path) -> None:
    """Flip one stance label (schema kept), re-hash its entry, remove both witnesses and their entries."""
    release = input / "releases" / "1.0.0"
    manifest = flip_stance_rehashed(release)
    for name in ("croissant.json", "README.md"):
        (release / name).unlink()
        del manifest["files"][name]
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
