"""`landstrikes extract`: a folder of raw texts -> silver tables, in parallel, never aborting.

The main process takes an inventory (unusable files and byte-identical duplicates are recorded,
not extracted), cuts the kept files into chunks and hands them to a `multiprocessing` pool
(plain processes: each worker reads its own files and writes its own Parquet shard, so only
file names and counts cross process boundaries). Each article is extracted in isolation with a
time budget; every failure is a row of OUT/extract_errors.csv and the other articles are
written. The entity catalogue is then merged from per-chunk evidence in bounded memory.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from landstrikes.errors import BuildError
from landstrikes.extract.article import AUTO
from landstrikes.extract.budget import TIME_BUDGET
from landstrikes.extract.catalogue import catalogue_rows
from landstrikes.extract.chunk import ChunkJob, extract_chunk, write_rows
from landstrikes.extract.failures import DUPLICATES_FILE, ERRORS_FILE, Duplicate, Failure, write_rows as write_csv
from landstrikes.extract.inventory import MAX_CHARS, take_inventory
from landstrikes.safety.outdir import output_folder
from landstrikes.schema.registry import TABLES

SHARD_SIZE = 200
"""Most articles per chunk; each chunk becomes one Parquet file per table."""
CHUNKS_AT_LEAST = 16
"""Small corpora are still cut into about this many chunks, so every worker gets some."""


@dataclass
class ExtractResult:
    articles: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def extract_folder(
    raw_dir: Path,
    out_dir: Path,
    num_proc: int = 1,
    shard_size: int = SHARD_SIZE,
    max_chars: int = MAX_CHARS,
    time_budget: float | None = TIME_BUDGET,
    engine: str = "local",
) -> ExtractResult:
    """Extract every *.txt of raw_dir into out_dir/data/<table>/<table>-NNNNNNNNN.parquet.

    Raises BuildError only for unusable input as a whole (no folder, no text, an OUT it may not
    write); a bad article is a failure in the result, never an exception.
    """
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    if not raw_dir.is_dir():
        raise BuildError(raw_dir, "no such folder")
    paths = sorted(raw_dir.glob("*.txt"))
    if not paths:
        raise BuildError(raw_dir, "no raw article (*.txt) found")
    inventory = take_inventory(paths, max_chars)
    result = ExtractResult(failures=list(inventory.failures), duplicates=inventory.duplicates)
    counts: Counter = Counter()
    with output_folder(out_dir, "extract") as out_stage, tempfile.TemporaryDirectory(prefix=".extract-", dir=out_stage) as tmp:
        staging, evidence = Path(tmp) / "data", Path(tmp) / "evidence"
        jobs = _jobs(inventory.kept, shard_size, staging, evidence, max_chars, time_budget)
        for chunk in _run(jobs, num_proc, engine):
            result.articles += chunk.articles
            result.failures.extend(chunk.failures)
            counts.update(chunk.counts)
        for i, rows in enumerate(catalogue_rows(evidence, AUTO)):
            write_rows(rows, "entities", staging / "entities" / f"entities-{i:05d}.parquet")
            counts["entities"] += len(rows)
        for spec in TABLES:  # an empty file for each table nothing was extracted for
            if not (staging / spec.name).exists():
                write_rows([], spec.name, staging / spec.name / f"{spec.name}.parquet")
        result.rows = {spec.name: counts[spec.name] for spec in TABLES}
        result.failures.sort(key=lambda f: f.source_file)
        write_csv(staging.parent / ERRORS_FILE, result.failures, Failure)
        write_csv(staging.parent / DUPLICATES_FILE, result.duplicates, Duplicate)
        publish(Path(tmp), out_stage)
    return result


def _jobs(paths: list[Path], shard_size: int, staging: Path, evidence: Path, max_chars: int, budget: float | None) -> list[ChunkJob]:
    """Chunks in file order; their size depends on the corpus only, not on the worker count."""
    size = max(1, min(shard_size, -(-len(paths) // CHUNKS_AT_LEAST)))
    return [
        ChunkJob(i, tuple(str(p) for p in paths[start:start + size]), str(staging), str(evidence), max_chars, budget)
        for i, start in enumerate(range(0, len(paths), size))
    ]


def _run(jobs: list[ChunkJob], num_proc: int, engine: str = "local"):
    """Chunk results in chunk order: in this process for one worker, else a process pool, or
    the same jobs on another engine (landstrikes.engines)."""
    if engine != "local":
        from landstrikes.engines import map_ordered

        yield from map_ordered(engine, extract_chunk, jobs, num_proc)
        return
    if num_proc <= 1 or len(jobs) <= 1:
        yield from map(extract_chunk, jobs)
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        _load_before_fork()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(min(num_proc, len(jobs))) as pool:
        yield from pool.imap(extract_chunk, jobs, chunksize=1)


def _load_before_fork() -> None:
    """Load now what every forked worker would otherwise load by itself (copy-on-write shares it):
    the word lists, and pandas, which pyarrow imports on the first array it builds from Python
    objects (about 0.3 CPU-seconds per process)."""
    from landstrikes.extract.entities import warm_up

    warm_up()
    try:
        import pandas  # noqa: F401
    except ImportError:  # pyarrow then needs none either
        pass


# --- the output folder: landstrikes.safety.outdir decides what may be written (marker, staging, swap) --


def publish(staging_root: Path, out_stage: Path) -> None:
    """Move data/ and the two CSV reports into the staged output folder that outdir swaps in."""
    (staging_root / "data").rename(out_stage / "data")
    for name in (ERRORS_FILE, DUPLICATES_FILE):
        (staging_root / name).replace(out_stage / name)
