"""One chunk of files -> one Parquet shard per table, each article extracted in isolation.

This is the function worker processes run. Whatever one article does (undecodable bytes, an
exception in a rule, running past its time budget, being too long), it becomes a Failure and the
chunk goes on; only counts and failures travel back to the main process. An article's rows come
as records (tuples in their table's column order, `article.extract_records`) and go into Arrow
batches and the merged entity evidence at once (`shard.Columns`, `catalogue.ChunkEvidence`), so
no dict is built per row and a chunk holds no Python object per row however many articles it has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from landstrikes import DATASET_VERSION
from landstrikes.extract.article import ARTICLE_TABLES, AUTO, FIELDS, extract_records
from landstrikes.extract.budget import ArticleTimer, BudgetExceeded, chunk_timer
from landstrikes.extract.catalogue import ChunkEvidence, evidence_path
from landstrikes.extract.collector import older_objects_frozen, paused
from landstrikes.extract.entities import warm_up
from landstrikes.extract.failures import Failure, one_line
from landstrikes.extract.inventory import MAX_CHARS
from landstrikes.extract.limits import TooComplex
from landstrikes.extract.rawread import Expected, NotAsInventoried, read_raw
from landstrikes.extract.shard import Columns, write_shard
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME
from landstrikes.schema.tableio import write_table
from landstrikes.errors import naming
from landstrikes.safety.faults import fault


@dataclass(frozen=True)
class ChunkJob:
    index: int
    paths: tuple[str, ...]
    data_dir: str
    evidence_dir: str
    max_chars: int
    time_budget: float | None
    expected: tuple[Expected, ...] = ()
    """Each path's size (and sha256 if hashed) at the inventory: a file changed since is refused."""


@dataclass(frozen=True)
class ChunkResult:
    index: int
    articles: int
    counts: dict[str, int]
    failures: list[Failure]


def extract_chunk(job: ChunkJob) -> ChunkResult:
    """Extract every file of the chunk and write its shard (named after the chunk index)."""
    fault("extract:chunk-start")
    warm_up()  # the word lists (loaded here unless a parent loaded them before forking)
    with older_objects_frozen():
        return _extract_chunk(job)


def _extract_chunk(job: ChunkJob) -> ChunkResult:
    tables = {table: Columns(TABLES_BY_NAME[table]) for table in ARTICLE_TABLES}
    evidence = ChunkEvidence()
    failures: list[Failure] = []
    articles = 0
    with chunk_timer(job.time_budget) as timer:
        for name, data in read_ahead(job.paths, expected=job.expected, limit=4 * job.max_chars):
            records = _one_article(name, data, job, timer, failures)
            if records is None:
                continue
            articles += 1
            article = records["articles"][0]
            if not article[_TEXT].isascii():  # (an ASCII str Arrow reads as it is)
                records["articles"] = [with_text_as_read(article, data)]
            for table in ARTICLE_TABLES:
                tables[table].extend(records[table])
            evidence.hold(records["entity_rows"])
    with paused():  # (Arrow tables and plain lists from here on: no cycles)
        for table in ARTICLE_TABLES:
            write_shard(tables[table], Path(job.data_dir) / table / f"{table}-{job.index:09d}.parquet", shard_metadata(table))
        evidence.write(evidence_path(Path(job.evidence_dir), job.index))
    return ChunkResult(job.index, articles, {t: tables[t].rows for t in ARTICLE_TABLES}, failures)


def file_name_and_stem(path: str) -> tuple[str, str]:
    """`Path(path).name` and `.stem` from the string (a Path per article costs more than the rest
    of its bookkeeping): the stem drops the last suffix, unless the name only starts with a dot or
    ends with one (tests/test_extract_outside.py holds it to pathlib)."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name, name[:dot] if 0 < dot < len(name) - 1 else name


_TEXT = FIELDS["articles"].index("text")


def with_text_as_read(record: tuple, data: bytes) -> tuple:
    """The articles record with its text as the file's bytes, which are that text's UTF-8 (the
    text was decoded from them, strictly): Arrow takes bytes as they are (checking they are
    UTF-8), where a str that is not ASCII it must encode first (~20 us per synthetic article,
    docs/notes/extract-outside6.md). Same column, same bytes written
    (tests/test_extract_outside6.py). The text's str is then freed with the article."""
    return (*record[:_TEXT], data, *record[_TEXT + 1:])


READ_AHEAD_BYTES = 1 << 20
"""Bytes of raw text a chunk reads in one go before extracting them (more when one file is larger).
Reading a file right after the rules ran for the previous article costs about two and a half times
what reading it in a row with others does (0.063 vs 0.025 CPU-s per 2,000 news articles, medians of
5, docs/notes/extract-outside5.md; the rules leave the caches cold), so files are read in groups,
and a chunk holds at most about this much text besides the article being extracted."""


def read_ahead(paths: tuple[str, ...], group_bytes: int = READ_AHEAD_BYTES, expected: tuple[Expected, ...] = (),
               limit: int = 4 * MAX_CHARS):
    """(path, its bytes or why not: the OSError or NotAsInventoried) for every path, in order, read
    a group at a time; each file as the inventory saw it (`expected`, by position) or, without
    it, at most `limit` + 1 bytes of a regular file (rawread: no FIFO blocks, no device is read)."""
    group: list[tuple[str, bytes | OSError | NotAsInventoried]] = []
    held = 0
    for i, path in enumerate(paths):
        try:
            data = read_raw(path, expected[i] if expected else None, limit)
        except (OSError, NotAsInventoried) as exc:
            data = exc
        group.append((path, data))
        held += len(data) if isinstance(data, bytes) else 0
        if held >= group_bytes:
            yield from group
            group, held = [], 0
    yield from group


def _one_article(path: str, data: bytes | OSError | NotAsInventoried, job: ChunkJob, timer: ArticleTimer,
                 failures: list[Failure]) -> dict[str, list[tuple]] | None:
    """The article's records from its file's bytes (or the error reading them), or None with a
    Failure appended; never raises for the article's content."""
    file_name, article_id = file_name_and_stem(path)

    def fail(check: str, reason: str) -> None:
        failures.append(Failure(article_id, file_name, check, one_line(reason)))

    if isinstance(data, OSError):
        fail("extract-unreadable", data.strerror or str(data))
        return None
    if isinstance(data, NotAsInventoried):
        fail(data.check, data.reason)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail("extract-not-utf8", f"not valid UTF-8 (byte {exc.start}: {exc.reason})")
        return None
    if not text:
        fail("extract-empty", "empty file")
        return None
    if len(text) > job.max_chars:
        fail("extract-too-long", f"{len(text):,} characters, more than the {job.max_chars:,} an article may have")
        return None
    try:
        timer.arm()
        try:
            return extract_records(article_id, text, file_name)
        finally:
            timer.disarm()
    except TooComplex as exc:
        fail("extract-too-complex", str(exc))
    except BudgetExceeded:
        fail("extract-time-budget", f"not finished within the time budget of {job.time_budget:g} s")
    except RecursionError:
        fail("extract-crashed", "RecursionError")
    except Exception as exc:  # noqa: BLE001 - one article's bug must not stop the run (it is reported)
        fail("extract-crashed", f"{type(exc).__name__}: {exc}")
    return None


def shard_metadata(name: str) -> dict[str, str]:
    return {"dataset_version": DATASET_VERSION, "schema_version": SCHEMA_VERSION, "table": name, "source": AUTO}


def write_rows(rows: list[dict], name: str, path: Path) -> None:
    with naming(path):
        write_table(rows, TABLES_BY_NAME[name], path, shard_metadata(name))


def write_shard_of(rows: list[dict], name: str, path: Path) -> None:
    """`write_rows` of rows already in id order, through Arrow's struct conversion (same bytes)."""
    columns = Columns(TABLES_BY_NAME[name], max(1, len(rows)))
    columns.extend(rows)
    write_shard(columns, path, shard_metadata(name))
