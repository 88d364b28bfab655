import hashlib
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROWS = 6_000_000
GROUP = 1 << 20
"""pq.write_table's row group (2**20 rows): the file is written a group at a time from one table of
GROUP + n rows held in memory (row i is the article row i mod n, so group k starts at row
k * GROUP mod n of it): the same bytes as `pq.write_table` of all ROWS rows at once, without
taking and holding six million rows per column (docs/notes/cispeed7.md)."""


def prepare(input: Path) -> None:
    """The release's articles repeated to ROWS rows, strings dictionary-encoded (a few MB on disk,
    read back as plain strings), schema metadata kept, the manifest entry and row counts rewritten."""
    release = input / "releases" / "1.0.0"
    path = release / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    take = np.arange(GROUP + table.num_rows, dtype=np.int32) % table.num_rows
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
    schema = pa.schema(fields, metadata=table.schema.metadata)
    group = pa.Table.from_arrays(columns, schema=schema)
    with pq.ParquetWriter(path, schema, compression="zstd", store_schema=False) as writer:
        for start in range(0, ROWS, GROUP):
            writer.write_table(group.slice(start % table.num_rows, min(GROUP, ROWS - start)))
    manifest_path = release / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    rel = path.relative_to(release).as_posix()
    manifest["files"][rel].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size, rows=ROWS)
    manifest["tables"]["articles"]["rows"] = ROWS
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
