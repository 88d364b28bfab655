"""`landstrikes extract`: a folder of raw texts -> silver tables, in parallel, never aborting.

The main process takes an inventory (unusable files and byte-identical duplicates are recorded,
not extracted), cuts the kept files into chunks and hands them to a `multiprocessing` pool
(plain processes: each worker reads its own files and writes its own Parquet shard, so only
file names and counts cross process boundaries). Each article is extracted in isolation with a
time budget; every failure is a row of OUT/extract_errors.csv and the other articles are
written. The entity catalogue is then merged from per-chunk evidence in bounded memory.

Chunks are few and large: as many as there are workers (more only when a worker's share of the
text is over CHUNK_BYTES), cut at file boundaries so each holds about the same bytes of text.
So every worker gets one long job, every table gets one Parquet file per chunk, and the main
process hands out a handful of jobs and merges a handful of evidence files. The rows written do
not depend on the cut (each article is extracted alone; each file is sorted by id), only which
file holds them does.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from landstrikes.engines.local import die_with_parent, map_in_processes  # (die_with_parent: tests import it here)
from landstrikes.errors import BuildError
from landstrikes.extract.article import AUTO
from landstrikes.extract.budget import TIME_BUDGET
from landstrikes.extract.chunk import ChunkJob, extract_chunk, shard_metadata, write_rows
from landstrikes.extract.entity_shards import entity_shards
from landstrikes.extract.collector import older_objects_frozen, paused
from landstrikes.extract.entities import warm_up
from landstrikes.extract.failures import DUPLICATES_FILE, ERRORS_FILE, Duplicate, Failure, write_rows as write_csv
from landstrikes.extract.inventory import MAX_CHARS, take_inventory
from landstrikes.extract.rawread import Expected
from landstrikes.extract.shard import write_shard
from landstrikes.safety.faults import fault
from landstrikes.safety.outdir import output_folder, refuse_early
from landstrikes.schema.rawnames import txt_in_other_case
from landstrikes.schema.registry import TABLES

CHUNK_BYTES = 16 << 20
"""Most bytes of raw text per chunk (unless one file is larger): bounds what a worker holds, its
chunk's rows as Arrow columns (measured: 382 MB peak RSS for a worker with a 16 MB chunk of
synthetic articles, about 200 MB of which is the process before the chunk)."""


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
    chunk_bytes: int = CHUNK_BYTES,
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
        if raw_dir.is_file():  # an article named where its folder is wanted (newuser48)
            raise BuildError(raw_dir, f"a file, not a folder: pass the folder of articles ({raw_dir.parent}); "
                                      "every *.txt in it is extracted", check="raw-missing")
        raise BuildError(raw_dir, "no such folder", check="raw-missing")
    # (the order of Paths, without comparing their parts); `.TXT` too, to be named a failure (rawnames)
    paths = sorted([*raw_dir.glob("*.txt"), *txt_in_other_case(raw_dir)], key=str)
    if not paths:
        raise BuildError(raw_dir, "no raw article (*.txt) found", check="raw-missing")
    refuse_early(out_dir, "extract")  # before the inventory reads every text and the word lists are cached
    inventory = take_inventory(paths, max_chars)
    result = ExtractResult(failures=list(inventory.failures), duplicates=inventory.duplicates)
    counts: Counter = Counter()
    if engine == "local" and inventory.kept:
        warm_up()  # the word lists, before the freeze below (and before a pool forks: workers share them)
    with older_objects_frozen(), output_folder(out_dir, "extract", _said) as out_stage, \
            tempfile.TemporaryDirectory(prefix=".extract-", dir=out_stage) as tmp:
        staging, evidence = Path(tmp) / "data", Path(tmp) / "evidence"
        cuts = chunk_ranges(inventory.sizes, num_proc, chunk_bytes)
        expected = [Expected(size, digest) for size, digest in zip(inventory.sizes, inventory.digests)]
        jobs = [ChunkJob(i, tuple(str(p) for p in inventory.kept[start:end]), str(staging), str(evidence), max_chars, time_budget,
                         tuple(expected[start:end]))
                for i, (start, end) in enumerate(cuts)]
        for chunk in _run(jobs, num_proc, engine):
            fault("extract:chunk-done")
            result.articles += chunk.articles
            result.failures.extend(chunk.failures)
            counts.update(chunk.counts)
        with paused():  # (the merge builds plain lists and dicts: no cycles to collect)
            for i, entities in enumerate(entity_shards(evidence, AUTO)):
                write_shard(entities, staging / "entities" / f"entities-{i:05d}.parquet", shard_metadata("entities"))
                counts["entities"] += entities.rows
        for spec in TABLES:  # an empty file for each table nothing was extracted for
            if not (staging / spec.name).exists():
                write_rows([], spec.name, staging / spec.name / f"{spec.name}.parquet")
        result.rows = {spec.name: counts[spec.name] for spec in TABLES}
        result.failures.sort(key=lambda f: f.source_file)
        write_csv(staging.parent / ERRORS_FILE, result.failures, Failure)
        write_csv(staging.parent / DUPLICATES_FILE, result.duplicates, Duplicate)
        publish(Path(tmp), out_stage)
    return result


def _said(line: str) -> None:
    """A repair of what a killed run left (`landstrikes.safety.outdir`), one line on stderr, as `render`
    and `export-schemas` say theirs: `extract` had removed a killed run's staging folder without a
    word (attack63)."""
    from landstrikes.errors import visible

    print(visible(line), file=sys.stderr, flush=True)


def chunk_ranges(sizes: list[int], workers: int, chunk_bytes: int = CHUNK_BYTES) -> list[tuple[int, int]]:
    """[start, end) ranges cutting files of these sizes, in order, into chunks: a multiple of
    `workers` chunks (the fewest with at most about chunk_bytes each, never more than the files),
    each holding about the same bytes, none empty."""
    n, total = len(sizes), sum(sizes)
    if n == 0:
        return []
    workers = max(1, workers)
    per_worker = max(1, -(-total // (workers * max(1, chunk_bytes))))
    parts = min(n, workers * per_worker)
    ranges, start, done = [], 0, 0
    for i, size in enumerate(sizes):
        done += size
        cut = len(ranges) + 1  # the cut that ends this range
        files_left, parts_left = n - (i + 1), parts - cut
        if cut < parts and (done * parts >= total * cut or files_left == parts_left):
            ranges.append((start, i + 1))
            start = i + 1
    ranges.append((start, n))
    return ranges


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
    yield from map_in_processes(extract_chunk, jobs, min(num_proc, len(jobs)), context, "extracting",
                                initializer=die_with_parent, initargs=(os.getpid(),))


def _load_before_fork() -> None:
    """Load now what every forked worker would otherwise load by itself (copy-on-write shares it):
    the word lists, and pandas, which pyarrow imports on the first array it builds from Python
    objects (about 0.3 CPU-seconds per process) unless the extract command made it go without
    (landstrikes.extract.nopandas)."""
    from landstrikes.extract.nopandas import refused

    warm_up()
    if refused():
        return
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
