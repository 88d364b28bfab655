import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def prepare(input: Path) -> None:
    """Flip one stance label (schema kept), re-hash its entry, remove both witnesses and their entries."""
    release = input / "releases" / "1.0.0"
    path = release / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    labels[0] = "against" if labels[0] != "against" else "favor"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type)), path)
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(release).as_posix()
    manifest["files"][rel].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    for name in ("croissant.json", "README.md"):
        (release / name).unlink()
        del manifest["files"][name]
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
