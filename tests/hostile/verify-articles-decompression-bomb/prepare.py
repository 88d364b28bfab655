import hashlib
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROWS = 6_000_000


def prepare(input: Path) -> None:
    """The release's articles repeated to ROWS rows, strings dictionary-encoded (a few MB on disk,
    read back as plain strings), schema metadata kept, the manifest entry and row counts rewritten."""
    release = input / "releases" / "1.0.0"
    path = release / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    take = np.arange(ROWS, dtype=np.int32) % table.num_rows
    columns, fields = [], []
    for field in table.schema:
        column = table.column(field.name).combine_chunks()
        if pa.types.is_string(field.type):
            values = column.to_pylist()
            distinct = sorted({v for v in values if v is not None})
            codes = np.array([distinct.index(v) if v is not None else 0 for v in values], dtype=np.int32)
            nulls = np.array([v is None for v in values])[take]
            columns.append(pa.DictionaryArray.from_arrays(pa.array(codes[take], mask=nulls if nulls.any() else None),
                                                          pa.array(distinct, field.type)))
            fields.append(pa.field(field.name, pa.dictionary(pa.int32(), field.type), field.nullable))
        else:
            columns.append(column.take(pa.array(take)))
            fields.append(field)
    bomb = pa.Table.from_arrays(columns, schema=pa.schema(fields, metadata=table.schema.metadata))
    pq.write_table(bomb, path, compression="zstd", store_schema=False)
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(release).as_posix()
    manifest["files"][rel].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size, rows=ROWS)
    manifest["tables"]["articles"]["rows"] = ROWS
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
