import hashlib
import json
import shutil
from pathlib import Path


def prepare(input: Path) -> None:
    release = input / "releases" / "1.0.0"
    table = release / "data" / "quotes"
    (table / "more").mkdir()
    copy = table / "more" / "quotes.parquet"
    shutil.copyfile(table / "quotes.parquet", copy)
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][copy.relative_to(release).as_posix()] = {
        "sha256": hashlib.sha256(copy.read_bytes()).hexdigest(), "bytes": copy.stat().st_size}
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
