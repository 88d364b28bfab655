"""A task's copies of files whose rows are split by article: the rows it keeps, the rows it receives.

A copy keeps the file's name, schema and key-value stamps, so the one-folder validator reads it
as it reads the original (a finding naming the copy names the original once its folder is mapped
back). The original is read whole with `read_part` first: a file it refuses is not copied (the
holder links it as it is and reports it; a receiver skips it), so no refusal is lost to a rewrite.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema.tableio import UnreadableTable, read_part


def write_kept(source: str, leaving: np.ndarray, folder: Path) -> bool:
    """`source` without the rows `leaving` into `folder`; False (nothing written) if it is unreadable."""
    table = _read(source)
    if table is None:
        return False
    keep = np.ones(table.num_rows, dtype=bool)
    keep[leaving] = False
    _write(table.filter(pa.array(keep)), source, folder)
    return True


def write_arriving(source: str, rows: np.ndarray, folder: Path) -> bool:
    """The rows `rows` of `source` into `folder`; False (nothing written) if it is unreadable."""
    table = _read(source)
    if table is None:
        return False
    _write(table.take(pa.array(rows)), source, folder)
    return True


def _read(source: str) -> pa.Table | None:
    try:
        return read_part(Path(source))
    except UnreadableTable:
        return None


def _write(table: pa.Table, source: str, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    pq.write_table(table, folder / Path(source).name)
