"""How a partitioned corpus folder is laid out: which files form partition N, which are shared.

`landstrikes extract` writes one file per table per chunk, `<table>-NNNNNNNNN.parquet` (nine
digits, the chunk index), and a chunk holds whole articles: partition N is every table's file
with index N. A table none of whose files carries a chunk index (the merged `entities`
catalogue, `stance_targets`, an empty `mention_exclusions`), or whose rows belong to no article
(`entities`, `claim_clusters`, `stance_targets`, whatever their file names) is shared: read
once, and lent to every partition for look-ups (aliases for the coverage rule, a claim's cluster); a shared table whose rows belong to
articles is instead spread to its articles' tasks (`validate._spread`, `placement.py`). A corpus
whose `articles` are not partitioned gives rows nothing to be placed by: every table is shared
(validated as one folder).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, table_files

PART_FILE = re.compile(r"^(?P<table>[a-z_]+)-(?P<index>\d{9})\.parquet$")
"""A partition file: the table name and the nine-digit chunk index `extract` gives its shards."""


@dataclass(frozen=True)
class Layout:
    """The files of each partition (index -> table -> files) and of the shared tables."""

    partitions: dict[str, dict[str, tuple[Path, ...]]]
    shared: dict[str, tuple[Path, ...]]

    def files(self, table: str) -> list[Path]:
        """Every file of one table, in name order (the order a one-folder read concatenates)."""
        if table in self.shared:
            return list(self.shared[table])
        return sorted(p for part in self.partitions.values() for p in part.get(table, ()))


def layout(root: Path) -> Layout:
    """Partitions and shared tables of a data folder (table folders that are missing are skipped)."""
    partitions: dict[str, dict[str, tuple[Path, ...]]] = {}
    shared: dict[str, tuple[Path, ...]] = {}
    for spec in TABLES:
        folder = root / spec.name
        if not folder.is_dir():
            continue
        files = table_files(folder)
        indexed = [(PART_FILE.match(p.name), p) for p in files]
        keyed = "article_id" in spec.column_names  # a row of no article is looked up by every task
        if keyed and files and all(m is not None and m["table"] == spec.name for m, _ in indexed):
            for match, path in indexed:
                part = partitions.setdefault(match["index"], {})
                part[spec.name] = (*part.get(spec.name, ()), path)
        else:
            shared[spec.name] = tuple(files)
    if partitions and "articles" in shared:  # no article has a partition: nothing to place rows by
        return Layout({}, {spec.name: tuple(table_files(root / spec.name)) for spec in TABLES if (root / spec.name).is_dir()})
    return Layout(dict(sorted(partitions.items())), shared)


def repartition(source: Path, target: Path, articles_per_partition: int = 1) -> Layout:
    """A one-folder corpus written as article-aligned partitions, the way `extract` writes them.

    Rows of a table with an `article_id` go to their article's partition (rows naming no known
    article to partition 0); tables without one, or without rows, are copied as shared tables.
    For validating an existing corpus on an engine, and for tests.
    """
    number = {a: i // articles_per_partition for i, a in enumerate(read_arrow(source / "articles")["article_id"].to_pylist())}
    for spec in TABLES:
        folder = source / spec.name
        if not folder.is_dir():
            continue
        out = target / spec.name
        out.mkdir(parents=True, exist_ok=True)
        table = read_arrow(folder)
        if "article_id" not in table.column_names or table.num_rows == 0:
            for path in table_files(folder):
                shutil.copy2(path, out / path.name)
            continue
        parts = np.array([number.get(a, 0) for a in table["article_id"].to_pylist()], dtype=np.int64)
        for k in np.unique(parts).tolist():
            pq.write_table(table.filter(pa.array(parts == k)), out / f"{spec.name}-{k:09d}.parquet")
    return layout(target)
