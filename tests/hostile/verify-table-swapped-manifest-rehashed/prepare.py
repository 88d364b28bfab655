import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def prepare(input: Path) -> None:
    """Flip one stance label to another legal label, keep schema and metadata, re-hash the entry."""
    release = input / "releases" / "1.0.0"
    path = release / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    labels[0] = "against" if labels[0] != "against" else "favor"
    table = table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type))
    pq.write_table(table, path)
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(release).as_posix()
    manifest["files"][rel]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest["files"][rel]["bytes"] = path.stat().st_size
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
