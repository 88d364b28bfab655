"""Release 1.0.0's articles file with every row written twice, its footer's file-level row count
rewritten to the stated count, its digest re-written in croissant.json and both re-hashed in the
manifest, as a forger who knows the manifest would: the manifest's rows, the card and
croissant.json still agree with that count, and a reader of the file gets twice the articles."""

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import footer_says_rows


def prepare(input: Path) -> None:
    release = input / "releases" / "1.0.0"
    path = release / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    pq.write_table(pa.concat_tables([table, table]), path)
    footer_says_rows(path, table.num_rows)
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(release).as_posix()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest["files"][rel].update(sha256=digest, bytes=path.stat().st_size)
    croissant_path = release / "croissant.json"
    croissant = json.loads(croissant_path.read_text(encoding="utf-8"))
    for entry in croissant["distribution"]:
        if entry.get("contentUrl") == rel:
            entry["sha256"] = digest
    croissant_path.write_text(json.dumps(croissant, indent=2), encoding="utf-8")
    manifest["files"]["croissant.json"].update(sha256=hashlib.sha256(croissant_path.read_bytes()).hexdigest(),
                                               bytes=croissant_path.stat().st_size)
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
