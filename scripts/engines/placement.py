"""Which rows lie in another task than their article: the moves that put every row beside its article.

A task checks its partitions as one folder, so a row is checked with its article's text and
beside its article's other rows only if both are in the task. Rows can lie elsewhere: a
re-sharded or concatenated corpus, a moved file, a shared (unpartitioned) table with spans such
as a non-empty `mention_exclusions`. Before the tasks run, the driver finds them:
- one key-only read of `article_id` per file, each file against the article ids of the task that
  holds it (memory: one task's article ids). Rows of their own task's articles stay; in what
  `extract` and `repartition` write that is every row, and the plan is empty. An article id two
  tasks hold (a `duplicate-id`) belongs to the first: its rows, its article rows included, move
  there, since one folder checks them together (found in bucket passes over the articles' ids);
- only if some rows are not there: their (article_id, file, row) in a temporary Parquet file,
  looked up against every task's articles in hash-bucket passes (`keys.in_bucket`, about
  `pass_rows` keys a pass), which name the task that owns the article (the first task holding
  it). A row whose article no task holds, or whose article id is null, goes to the first task
  with every other such row, as one folder checks them together (the key pass reports it dangling).
The plan is row numbers only (file -> rows leaving it; task -> rows arriving from a file); the
task reads the rows from the files themselves (`rowfiles.py`), so no table passes the driver.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from landstrikes.engines.keys import buckets, in_bucket, passes
from landstrikes.safety.ownedtemp import owned_temporary_folder
from landstrikes.schema.tableio import bomb_reason

_CANDIDATE = pa.schema([("article_id", pa.large_string()), ("file", pa.int64()), ("row", pa.int64())])


@dataclass
class Moves:
    """Rows to take out of the file that holds them (path -> sorted row numbers) and rows each
    task receives (task -> [(table, path, sorted row numbers)])."""

    leaving: dict[str, np.ndarray] = field(default_factory=dict)
    arriving: dict[int, list[tuple[str, str, np.ndarray]]] = field(default_factory=dict)

    def rows(self) -> int:
        return sum(len(rows) for rows in self.leaving.values())


def plan_moves(holders: list[dict[str, list[Path]]], article_files: list[list[Path]], pass_rows: int) -> Moves:
    """`holders[t]` is task t's files of the tables with an article_id (table -> files), the
    last holder may own no articles (the shared tables); `article_files[t]` its articles files."""
    files: list[tuple[int, str, Path]] = []
    with owned_temporary_folder("landstrikes-placement-") as tmp:  # a killed run's is removed by the next
        repeated = _repeated(article_files, tmp / "articles.parquet", pass_rows)
        candidates = tmp / "candidates.parquet"
        found = 0
        with pq.ParquetWriter(candidates, _CANDIDATE) as writer:
            for task, tables in enumerate(holders):
                mine = article_files[task] if task < len(article_files) else []
                own = _owned(_article_ids(mine), repeated, task)
                for table, paths in {"articles": mine, **tables}.items():
                    for path in paths:
                        away = _away_rows(path, own)
                        if away is None or len(away[0]) == 0:
                            continue
                        writer.write_table(pa.table([away[1], pa.array(np.full(len(away[0]), len(files))), pa.array(away[0])],
                                                    schema=_CANDIDATE))
                        files.append((task, table, path))
                        found += len(away[0])
        if not found:
            return Moves()
        owners = _owners([candidates], article_files, found, pass_rows)
    return _moves(owners, files)


def _article_ids(paths: list[Path]) -> pa.Array:
    ids = []
    for path in paths:
        if not _readable(path):
            continue
        try:
            ids.append(pq.read_table(path, columns=["article_id"])["article_id"].combine_chunks().cast(pa.large_string()))
        except Exception:  # noqa: BLE001 - an unreadable or ill-typed file is its task's finding; it owns nothing
            continue
    return pa.concat_arrays(ids) if ids else pa.array([], pa.large_string())


def _repeated(article_files: list[list[Path]], held: Path, pass_rows: int) -> pa.Table:
    """Article ids held by more than one task, each with the first (`article_id`, `task_min`):
    one folder checks all rows of a repeated article together, so they all go to that task."""
    schema = pa.schema([("article_id", pa.large_string()), ("task", pa.int64())])
    total = 0
    with pq.ParquetWriter(held, schema) as writer:
        for task, paths in enumerate(article_files):
            ids = _article_ids(paths)
            ids = ids.filter(pc.is_valid(ids))
            writer.write_table(pa.table([ids, pa.array(np.full(len(ids), task))], schema=schema))
            total += len(ids)
    n = passes(total, pass_rows)
    found = []
    for b in range(n):
        rows = in_bucket([held], ["article_id", "task"], "article_id", n, b)
        if len(rows) == 0:
            continue
        spans = rows.group_by("article_id").aggregate([("task", "min"), ("task", "max")])
        found.append(spans.filter(pc.not_equal(spans["task_min"], spans["task_max"])).select(["article_id", "task_min"]))
    return pa.concat_tables(found) if found else pa.table({"article_id": pa.array([], pa.large_string()), "task_min": pa.array([], pa.int64())})


def _owned(ids: pa.Array, repeated: pa.Table, task: int) -> pa.Array:
    """A task's article ids but those repeated in an earlier task (that task checks their rows)."""
    if len(repeated) == 0:
        return ids
    first = pc.index_in(ids, value_set=repeated["article_id"])
    elsewhere = pc.not_equal(repeated["task_min"].take(first), task).fill_null(False)
    return ids.filter(pc.invert(elsewhere))


def _away_rows(path: Path, own: pa.Array) -> tuple[np.ndarray, pa.Array] | None:
    """Row numbers and article ids of the rows of `path` whose article is not among `own`."""
    if not _readable(path):
        return None
    try:
        ids = pq.read_table(path, columns=["article_id"])["article_id"].combine_chunks().cast(pa.large_string())
        away = pc.fill_null(pc.invert(pc.is_in(ids, value_set=own)), True)  # a null article id is no task's article
    except Exception:  # noqa: BLE001 - no readable string article_id: the file's task reports why; nothing moves
        return None
    rows = np.flatnonzero(away.to_numpy(zero_copy_only=False))
    return rows, ids.take(pa.array(rows))


def _owners(candidates: list[Path], article_files: list[list[Path]], found: int, pass_rows: int) -> pa.Table:
    """Every candidate row with the first task holding its article (rows of no task's article left out)."""
    articles = [(task, path) for task, paths in enumerate(article_files) for path in paths]
    n = passes(found + sum(pq.ParquetFile(p).metadata.num_rows for _, p in articles if _readable(p)), pass_rows)
    owned = []
    for b in range(n):
        rows = in_bucket(candidates, ["article_id", "file", "row"], "article_id", n, b)
        if len(rows) == 0:
            continue
        held = [pa.table({"article_id": ids, "task": pa.array(np.full(len(ids), task))})
                for task, path in articles for ids in [_in_bucket_ids(path, n, b)] if len(ids)]
        if not held:
            continue
        first = pa.concat_tables(held).group_by("article_id").aggregate([("task", "min")])
        at = pc.index_in(rows["article_id"].cast(pa.large_string()), value_set=first["article_id"])
        keep = pc.is_valid(at)
        owned.append(pa.table({"file": rows["file"].filter(keep), "row": rows["row"].filter(keep),
                               "owner": first["task_min"].take(at.filter(keep))}))
    found_rows = pq.read_table(candidates[0], columns=["file", "row"]) if candidates else None
    owned = pa.concat_tables(owned) if owned else pa.table({"file": pa.array([], pa.int64()), "row": pa.array([], pa.int64()),
                                                            "owner": pa.array([], pa.int64())})
    return _orphans_to_the_first_task(found_rows, owned)


def _orphans_to_the_first_task(candidates: pa.Table | None, owned: pa.Table) -> pa.Table:
    """`owned` and every other candidate row (no task holds its article, or its article id is
    null) owned by the first task: one folder checks all such rows together, beside one another
    (attack31: the flag and quotes of an article no articles row names, cut into two tasks, gave a
    misquotation-outside-quote one folder does not give; rows with a null article id meet in
    pandas' joins on article_id)."""
    if candidates is None or candidates.num_rows == 0:
        return owned
    file_of, row_of = (candidates[c].to_numpy(zero_copy_only=False).astype(np.int64) for c in ("file", "row"))
    width = np.int64(int(row_of.max(initial=0)) + 1)
    taken = owned["file"].to_numpy(zero_copy_only=False).astype(np.int64) * width + owned["row"].to_numpy(zero_copy_only=False).astype(np.int64)
    orphan = ~np.isin(file_of * width + row_of, taken)
    if not orphan.any():
        return owned
    rest = pa.table({"file": pa.array(file_of[orphan]), "row": pa.array(row_of[orphan]), "owner": pa.array(np.zeros(int(orphan.sum()), np.int64))})
    return pa.concat_tables([owned.cast(rest.schema), rest])


def _readable(path: Path) -> bool:
    """A Parquet file placement may read: not a decompression bomb (attack21: the article_id
    column of a 211 KB part of megabyte ids was read here, a gigabyte resident, before its task
    refused it). Its task reports what is wrong with any other."""
    try:
        info = path.stat()
    except OSError:
        return False
    return _readable_version(str(path), info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=4096)
def _readable_version(path: str, mtime_ns: int, size: int) -> bool:
    """`_readable` once per version of a file (placement asks once per pass)."""
    try:
        with pq.ParquetFile(path) as handle:
            return bomb_reason(path, size, handle.metadata) is None
    except Exception:  # noqa: BLE001 - its task reports it
        return False


def _in_bucket_ids(path: Path, n: int, b: int) -> pa.Array:
    ids = _article_ids([path])
    ids = ids.filter(pc.is_valid(ids))
    return ids.filter(pa.array(buckets(ids, n) == b))


def _moves(owned: pa.Table, files: list[tuple[int, str, Path]]) -> Moves:
    """The plan from (file, row, owner) triples: rows whose owner is not the task holding them."""
    moves = Moves()
    file_of, owner_of, row_of = np.array([owned[c].to_numpy(zero_copy_only=False) for c in ("file", "owner", "row")],
                                         dtype=np.int64).reshape(3, -1)
    holder = np.array([task for task, _, _ in files], dtype=np.int64)
    away = owner_of != holder[file_of] if len(file_of) else np.zeros(0, bool)
    file_of, owner_of, row_of = file_of[away], owner_of[away], row_of[away]
    order = np.lexsort((row_of, owner_of, file_of))  # by file, then owner, then row: each group in file order
    file_of, owner_of, row_of = file_of[order], owner_of[order], row_of[order]
    cuts = np.flatnonzero(np.diff(file_of) != 0) + 1 if len(file_of) else np.zeros(0, np.int64)
    for group in np.split(np.arange(len(file_of)), cuts):
        if len(group) == 0:
            continue
        _, table, path = files[file_of[group[0]]]
        moves.leaving[str(path)] = np.sort(row_of[group])
        for owner in np.unique(owner_of[group]).tolist():
            moves.arriving.setdefault(owner, []).append((table, str(path), row_of[group][owner_of[group] == owner]))
    return moves
