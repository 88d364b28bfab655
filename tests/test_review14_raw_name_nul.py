"""review14: `article-not-raw` opened `raw/<source_file>` with a NUL in the name, and os.open's
ValueError ("embedded null byte") crashed the check: `check-crashed` instead of its own finding,
and every other article was left uncompared. Seen failing on main's code (check-crashed)."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def test_a_nul_in_source_file_is_a_finding_not_a_crash(built_dataset, tmp_path):
    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset / "data", folder / "data")
    shutil.copytree(built_dataset / "raw", folder / "raw")
    path = folder / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("source_file")
    names = table.column(i).to_pylist()
    names[0] = names[0][:-4] + "\x00.txt"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(names, pa.string())), path)
    checks = {f.check for f in validate(folder).findings}
    assert "check-crashed" not in checks and "article-not-raw" in checks, checks
