"""A table written back with `DataFrame.to_parquet` is told how to write it instead (newuser46).

The natural edit of a researcher (read a table with pandas, drop three rows, `df.to_parquet`)
gave 21 findings: `files carry schema version None` (the file carries none: pandas keeps no
`landstrikes.*` stamp), a `pandas` schema entry, 18 `large_string` columns; none said how to
write a table `validate` accepts. README's "Your own edited copy" gives the way (pyarrow with the
file's own schema and stamps); the findings name it, and that way gives VALID.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import DATASET

from landstrikes.cli import main


@pytest.fixture
def quotes_copy(tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(DATASET / "data", target / "data")
    return target, target / "data" / "quotes" / "quotes.parquet"


def test_a_table_written_by_pandas_is_told_its_stamps_are_missing_and_where_the_way_is(quotes_copy, capsys):
    folder, path = quotes_copy
    pd.read_parquet(path).iloc[:-3].to_parquet(path)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    (version,) = [line for line in out.splitlines() if line.strip().startswith("[schema-version-mismatch]")]
    assert "None" not in version and "no schema version" in version, version
    assert "Your own edited copy" in version, version
    (entry,) = [line for line in out.splitlines() if line.strip().startswith("[unexpected-metadata]")]
    assert "Your own edited copy" in entry, entry


def test_the_way_readme_gives_writes_a_table_that_validates(quotes_copy, capsys):
    folder, path = quotes_copy
    df = pd.read_parquet(path, dtype_backend="numpy_nullable").iloc[:-3]
    # README, "Your own edited copy": the file's own schema and stamps, no pandas entry
    schema = pq.read_schema(path)
    pq.write_table(pa.Table.from_pandas(df, schema=schema, preserve_index=False).replace_schema_metadata(schema.metadata), path)
    assert main(["validate", str(folder)]) == 0, capsys.readouterr().out
