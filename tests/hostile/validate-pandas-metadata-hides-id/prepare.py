import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "quotes")
    table = pq.read_table(path)
    meta = dict(table.schema.metadata or {})
    meta[b"pandas"] = json.dumps({
        "index_columns": ["quote_id"], "column_indexes": [],
        "columns": [{"name": n, "field_name": n, "pandas_type": "unicode", "numpy_type": "object", "metadata": None} for n in table.schema.names],
        "creator": {"library": "pyarrow", "version": pa.__version__}, "pandas_version": "3.0"}).encode()
    pq.write_table(table.replace_schema_metadata(meta), path)
