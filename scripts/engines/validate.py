"""`validate_partitioned(path, engine)`: one report for a partitioned corpus, checked where it lies.

Two kinds of check, split by what they need to see:
- per partition (tasks of whole partitions on the engine, `tasks.py`, each reading only its
  partitions' files plus the shared tables): every Pandera rule but uniqueness, and every cross check whose rows
  meet within one article (spans, derived ids, quote rules and mark coverage, alias coverage,
  segments, article quality, stances, provenance). A partition is validated as a folder of
  links with the one-folder validator itself, so those findings are its findings.
- corpus-wide (the driver, bounded memory): unique ids and foreign keys in hash-bucket passes
  over key columns only (`keys.py`), and the table-level facts (missing, empty, schema version);
  then the rules whose rows meet across articles read their tables whole: the claims'
  cross-article rules (claims, claim clusters) and six gold checks (`GOLD_CORPUS_WIDE`: unused
  variants; a cluster named by a claim of another article (cluster-not-its-claim); both sides of
  a contradiction (contradiction-links-incomplete); entities mentioned nowhere, which needs articles and mentions; quote wording
  against a cluster's reference, which needs quotes and quality flags; the reference row's
  similarity, which needs quotes). Those whole reads are
  the driver's memory bound.
Before the tasks, `placement.py` finds the rows that lie in another task than their article
(any placement: re-sharded, moved or concatenated files, a shared table with an article_id such
as a non-empty `mention_exclusions`); each task then checks its own rows but those, plus the
rows of other files whose article it holds (`rowfiles.py`). What `extract` and `repartition`
write has none: the plan costs one read of the article_id columns. A row of no task's article
stays where it lies (dangling-foreign-key, from the key pass). The union is the report `validate`
gives for the same tables in one folder; see docs/notes/engine.md and docs/notes/engine17.md.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines import map_ordered, start
from landstrikes.engines.keys import PASS_ROWS, check_foreign_key, check_unique
from landstrikes.engines.partitions import Layout, layout
from landstrikes.engines.placement import Moves, plan_moves
from landstrikes.engines.rowfiles import write_arriving, write_kept
from landstrikes.engines.tasks import TASK_BYTES, file_bytes, group, task_bytes
from landstrikes.safety.faults import fault
from landstrikes.safety.ownedtemp import owned_temporary_folder
from landstrikes.schema.crosschecks import FOREIGN_KEYS, check_claim_clusters, check_claims
from landstrikes.schema.every_table_checks import check_foreign_keys
from landstrikes.schema.auto_claims import check_auto_propositions
from landstrikes.schema.auto_entities import check_auto_entities
from landstrikes.schema.quote_cluster_names import check_quote_cluster_names
from landstrikes.schema.goldchecks import check_entities_mentioned, check_quote_cluster_wording, check_variants_used
from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
from landstrikes.schema.raw_texts import check_raw_texts
from landstrikes.schema.contradiction_links import check_contradiction_links
from landstrikes.schema.cross_article_refs import CROSS_ARTICLE_CHECKS, CROSS_ARTICLE_TABLES
from landstrikes.schema.slug_ids import check_claim_named_clusters
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.release_check import prejudge, release_findings
from landstrikes.schema.report import Finding, Report, TableResult
from landstrikes.schema.resources import shortage
from landstrikes.schema.tableio import UnreadableTable, file_metadata, footer_rows, landstrikes_metadata, read_table, refused_table
from landstrikes.schema.filestamps import check_folder_entries, version_message
from landstrikes.schema.validate import _all_auto, _report_unexpected_tables, note_stamps, table_root, validate

CORPUS_WIDE_CHECKS = frozenset({
    "duplicate-id", "dangling-foreign-key",  # keys.py
    "missing-table", "empty-table", "schema-version-mismatch",  # table-level facts
    "consistency-link-mismatch", "contradiction-not-cross-article", "consistency-cluster-mismatch",  # check_claims
    "cluster-counts-mismatch", "variant-not-in-cluster",  # check_claim_clusters
    "variant-unused", "entity-not-mentioned", "misquotation-without-evidence",  # GOLD_CORPUS_WIDE
    "cluster-similarity-mismatch",  # GOLD_CORPUS_WIDE: a quote cluster's reference may be in another article
    "cluster-not-its-claim",  # GOLD_CORPUS_WIDE: a cluster named by a claim of another partition
    "contradiction-links-incomplete",  # GOLD_CORPUS_WIDE: a contradiction joins claims of two articles
    "quote-cluster-not-its-words",  # GOLD_CORPUS_WIDE: a quote cluster's rows lie in many articles
    "auto-entity-not-derived",  # GOLD_CORPUS_WIDE: an extractor entity's articles and surfaces are its mentions anywhere
    "auto-alias-missing",  # GOLD_CORPUS_WIDE (check_auto_entities): an extractor entity's surfaces are its mentions anywhere
    "auto-proposition-not-its-claim",  # GOLD_CORPUS_WIDE: a shared claim cluster against the claim of its id, in any partition
})
"""Check ids a single partition cannot decide: they come from the corpus-wide pass only."""
GOLD_CORPUS_WIDE = (
    (check_variants_used, ("claims", "claim_clusters")),  # a variant may be stated in another article
    (check_claim_named_clusters, ("claims", "claim_clusters")),  # the claim naming a cluster may be elsewhere
    (check_auto_propositions, ("claims", "claim_clusters")),  # an extractor cluster's proposition and score: its claim, in any partition
    (check_contradiction_links, ("claims",)),  # both sides of a contradiction, in two articles
    (check_entities_mentioned, ("articles", "entities", "mentions")),  # "mentioned somewhere" spans articles
    (check_auto_entities, ("entities", "mentions")),  # an extractor entity's description and aliases: its mentions anywhere (beside the other entity check: mentions are dropped before the quote checks)
    (check_quote_cluster_wording, ("quotes", "quality_flags")),  # a cluster's reference wording may be elsewhere
    (check_quote_cluster_reference, ("quotes",)),  # a cluster's reference row (similarity 1.0) may be elsewhere
    (check_quote_cluster_names, ("quotes",)),  # a cluster's words may be said in another article
)
"""Gold checks whose rows meet across articles, with the tables each reads whole on the driver."""
CROSS_ARTICLE_REFERENCES = tuple((check, CROSS_ARTICLE_TABLES[check]) for check in CROSS_ARTICLE_CHECKS)
"""A quote's speaker mention or parent quote of another article: a task holds whole articles, not
the rows another article's row names (attack31: such a parent in another task was VALID here)."""


def _corpus_wide_runs() -> list[tuple]:
    """The checks the corpus-wide pass runs, with the tables each reads whole, in the order that
    holds each table no longer than needed: a cross-article reference check right after the last
    other check reading a table it reads besides quotes (the mentions' right after
    entities_mentioned: run at the end, it held the whole mentions table through the quote
    checks, session 29's merge of attack31), the others at the end."""
    runs = [(check_claims, ("claims", "claim_clusters")), (check_claim_clusters, ("claims", "claim_clusters")), *GOLD_CORPUS_WIDE]
    for check, needs in CROSS_ARTICLE_REFERENCES:
        readers = [i for i, (_, reads) in enumerate(runs) if set(reads) & (set(needs) - {"quotes"})]
        runs.insert(readers[-1] + 1 if readers else len(runs), (check, needs))
    return runs


STRUCTURAL = frozenset({"missing-column", "unexpected-column", "wrong-dtype", "column-order"})
FOLDER_ENTRY_CHECKS = frozenset({"unexpected-file", "unexpected-table"})
"""What lies in the table folders and beside them: the driver reports it from the real folders
(`_folder_entries`); a task's folder of links shows some of the same entries (a shared table's
`_x.parquet`), which it reported again (attack32: one finding in one folder, two here)."""
NOT_IN_PARTITIONS = frozenset(check.__name__ for check in (
    check_foreign_keys, check_claims, check_claim_clusters, *(check for check, _ in GOLD_CORPUS_WIDE),
    *CROSS_ARTICLE_CHECKS))
"""Cross checks a partition's validation does not run: every finding they give has a check id of
CORPUS_WIDE_CHECKS, which a partition's report drops, and the corpus-wide pass runs them (or keys.py
their rule) on whole tables. Run on a partition, they found its rows' keys and clusters in other
partitions missing: findings made to be dropped, a third of the CPU of a small partition's validation
(tests/test_engine_partition_checks.py holds every finding of theirs corpus-wide). The cross-article
reference checks (CROSS_ARTICLE_CHECKS) give ids partitions give too, for references within an
article; they must not run there: a task holding both articles would report the reference again."""


@dataclass(frozen=True)
class PartitionJob:
    """One task's files (table -> paths of its whole partitions) and the shared tables' files, as strings."""

    index: str
    files: tuple[tuple[str, tuple[str, ...]], ...]
    shared: tuple[str, ...]
    root: str = ""
    empty: tuple[tuple[str, str], ...] = ()
    """Partitioned tables none of these partitions has a file of, each with a file whose schema
    their zero-row stand-in takes: a partition without quote rows still has its quotation marks
    checked against no quotes, as in one folder, instead of the quote rules being skipped."""
    leaving: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Files of `files` with the rows (numbers) that lie away from their article's task: left out here."""
    arriving: tuple[tuple[str, str, tuple[int, ...]], ...] = ()
    """(table, file, row numbers) of other tasks' files (or a shared table's) whose articles are
    this task's: checked here, beside their article (`placement.py`)."""


@dataclass(frozen=True)
class PartitionResult:
    index: str
    findings: list[Finding]
    unusable: str | None
    structural: frozenset[str]
    unusable_table: str | None = None
    lent: tuple[Finding, ...] = ()
    """Findings on the tables lent whole to this task (`entities`, `claim_clusters`,
    `stance_targets`): most are the lent rows' own, which every task and the shared job give
    alike, but a check may judge a lent row against this task's articles (`entity-name-not-alias`:
    an entity's name occurring in an article of this task). The driver keeps those the shared job
    does not give (attack44: dropped, such a finding was VALID under the engine, INVALID in one folder)."""


def check_partition(job: PartitionJob) -> PartitionResult:
    """The one-folder validator on a folder of links to this partition's files (run on a worker)."""
    leaving = {path: np.array(rows, dtype=np.int64) for path, rows in job.leaving}
    with owned_temporary_folder("landstrikes-partition-") as partition:  # a killed run's is removed by the next
        tmp = str(partition)
        for table, paths in job.files:
            folder = Path(tmp) / table
            folder.mkdir()
            for path in paths:
                if path not in leaving or not write_kept(path, leaving[path], folder):
                    (folder / Path(path).name).symlink_to(Path(path).resolve())
        for table, path, rows in job.arriving:  # a refused file comes whole: refused here too, as in one folder
            if not write_arriving(path, np.array(rows, dtype=np.int64), Path(tmp) / table):
                (Path(tmp) / table).mkdir(exist_ok=True)
                (Path(tmp) / table / Path(path).name).symlink_to(Path(path).resolve())
        for table, template in job.empty:
            _write_empty(Path(tmp) / table, template)
        fault("engine:partition-linked")
        report = validate(tmp, skipped=NOT_IN_PARTITIONS)
    # a stand-in's file-level findings are its template's, a borrowed file's are its holder's
    borrowed = {table for table, _ in job.empty} | ({table for table, _, _ in job.arriving} - {table for table, _ in job.files})
    # links and copies keep the file names and the table folders, so the real path replaces the link's
    kept = [dataclasses.replace(f, message=f.message.replace(tmp, job.root)) if tmp in f.message else f
            for f in report.findings if f.check not in CORPUS_WIDE_CHECKS and f.check not in FOLDER_ENTRY_CHECKS
            and not (f.table in borrowed and not f.of_a_row())]
    own = [f for f in kept if f.table not in job.shared]
    lent = tuple(f for f in kept if f.table in job.shared)
    others = tuple(path for _, path, _ in job.arriving)
    own = [f for f in own if f.of_a_row() or not any(path in f.message for path in others)]  # the holder names its file
    structural = frozenset(f.table for f in report.findings if f.check in STRUCTURAL)
    unusable = report.unusable.replace(tmp, job.root) if report.unusable else None
    table = next((f.table for f in report.findings if f"[{f.check}] {f.message}" == report.unusable), None)
    return PartitionResult(job.index, own, unusable, structural, table, lent)


def _write_empty(folder: Path, template: str) -> None:
    """A zero-row file of the table, in the schema (and stamps) of one of its real files; nothing
    if that file is unreadable (its own task reports it)."""
    try:
        schema = pq.read_schema(template)
    except Exception:  # noqa: BLE001 - reported, naming the real file, by the task that holds it
        return
    folder.mkdir()
    pq.write_table(schema.empty_table(), folder / Path(template).name)


def validate_partitioned(path: str | Path, engine: str = "local", num_proc: int = 1, pass_rows: int = PASS_ROWS,
                         task_floor: int = TASK_BYTES, pin: str | None = None) -> Report:
    """Validate a partitioned folder; the same findings as `validate(path, pin=pin)`, never raises for
    bad data (a release folder judged against its MANIFEST.json and `pin` as one folder judges it).

    Whole partitions are grouped into tasks of at least `task_floor` bytes (`tasks.py`; 1: one
    partition per task).

    A release is judged first, each listed file read once and hashed (eco40); when it is intact,
    the tasks read a private copy written from those bytes, never the folder again: a part swapped
    after the hashing is not what was judged. An INVALID release is judged where it lies (its
    verdict stands whatever the tasks read)."""
    prejudged = prejudge(path, pin, Report)
    if prejudged is None or prejudged.report.findings:
        return release_findings(path, _partitioned(Path(path), engine, num_proc, pass_rows, task_floor), pin, prejudged)
    with owned_temporary_folder("landstrikes-release-") as copy:
        judged = _written(Path(path), prejudged, copy)
        report = _partitioned(judged, engine, num_proc, pass_rows, task_floor)
    report = _renamed(report, judged, Path(path))
    return release_findings(path, report, pin, prejudged)


def _written(path: Path, prejudged, copy: Path) -> Path:
    """The intact release's hashed bytes written under `copy` as its files lie (it holds nothing
    else: its judge found no unlisted file, folder or link); the folder there that `path` is."""
    for rel, data in prejudged.kept.items():
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).write_bytes(data)
    inside = os.path.relpath(os.path.realpath(path), os.path.realpath(prejudged.folder))
    return copy if inside == "." else copy / inside


def _renamed(report: Report, judged: Path, path: Path) -> Report:
    """Findings naming the written copy name the folder asked about."""
    was, now = str(judged), str(path)
    report.path = now
    report.findings = [dataclasses.replace(f, message=f.message.replace(was, now)) if was in f.message else f
                       for f in report.findings]
    if report.unusable:
        report.unusable = report.unusable.replace(was, now)
    return report


def _partitioned(path: Path, engine: str, num_proc: int, pass_rows: int, task_floor: int) -> Report:
    report = Report(path=str(path))
    try:  # nothing to validate: refused with one folder's line (an empty folder was INVALID, exit 1)
        root = table_root(path)
    except UnreadableTable as exc:
        report.unusable = exc.line()
        return report
    parts = layout(root)
    silver = _silver(parts.files("articles"))
    mismatched = _table_facts(root, parts, silver, report)
    _folder_entries(root, mismatched, report)
    rank = {spec.name: i for i, spec in enumerate(TABLES)}
    # one folder reports the first unreadable table in TABLES order (its first bad file in name
    # order), whichever task finds it first: (table rank, task order, line)
    unusable = [(rank[table], -1, line) for table, line in mismatched.items()]
    start(engine, num_proc)
    groups = _tasks(parts, num_proc, task_floor)
    spread = _spread(parts)  # shared tables with an article_id: their rows go to their articles' tasks
    moves = plan_moves([_article_table_files(parts, indexes) for indexes in groups] + [{t: list(parts.shared[t]) for t in spread}],
                       [[p for i in indexes for p in parts.partitions[i].get("articles", ())] for indexes in groups], pass_rows)
    lent = {t: fs for t, fs in parts.shared.items() if t not in spread}
    lent_files = tuple((t, tuple(map(str, fs))) for t, fs in lent.items())
    templates = _templates(parts, spread)
    jobs = []
    for task, indexes in enumerate(groups):
        files = _task_files(parts, indexes)
        arriving = tuple((table, path, tuple(rows.tolist())) for table, path, rows in moves.arriving.get(task, ()))
        jobs.append(PartitionJob(_task_name(indexes), files + lent_files, tuple(lent), str(root),
                                 _absent(parts, indexes, templates, {table for table, _, _ in arriving}),
                                 _leaving(moves, files), arriving))
    if parts.shared:  # the shared tables' own rules, once (a spread table's rows of no task's article)
        shared_files = tuple((t, tuple(map(str, fs))) for t, fs in parts.shared.items())
        jobs.append(PartitionJob("shared", shared_files, (), str(root), leaving=_leaving(moves, shared_files)))
    structural: set[str] = set()
    lent_findings: list[list[Finding]] = []
    for order, result in enumerate(map_ordered(engine, check_partition, jobs, num_proc)):
        report.findings.extend(f for f in result.findings if (result.index != "shared" or f.table in parts.shared)
                               and f.table not in mismatched)
        lent_findings.append([f for f in result.lent if f.table not in mismatched])
        structural |= result.structural
        if result.unusable:
            unusable.append((rank.get(result.unusable_table, len(rank)), order, result.unusable))
    _add_lent(report, lent_findings, set(lent))
    report.unusable = min(unusable)[2] if unusable else None
    if report.unusable is None:
        _corpus_wide(root, parts, structural, report, pass_rows)
        _raw_texts(path, parts, structural, report)
    return report


def _add_lent(report: Report, lent_findings: list[list[Finding]], lent: set[str]) -> None:
    """The tasks' findings on lent tables that the shared job, which checks those tables alone,
    does not give: a lent row judged against a task's articles. A row-local finding on a lent
    table is given by every task alike, and the shared job's copies stand for it; any other is
    given as many times as the task giving it most often does (an article in two rows of one task,
    as one folder gives it per row), not once per task."""
    given = Counter(f for f in report.findings if f.table in lent)
    most: Counter = Counter()
    for findings in lent_findings:
        most |= Counter(f for f in findings if f not in given)  # the larger count of each
    for finding in dict.fromkeys(f for findings in lent_findings for f in findings):
        report.findings.extend([finding] * most[finding])


_RAW_COLUMNS = ["article_id", "source_file", "sha256", "n_chars"]


def _raw_texts(folder: Path, parts: Layout, structural: set[str], report: Report) -> None:
    """A dataset folder's articles against the raw files beside its data (`article-not-raw`), as
    `validate(folder)` compares them: partitions are linked into temporary folders with no raw/
    beside them, so the check runs here, on the three columns it reads from every articles file.
    (Before, `--engine` passed an article edited consistently in every table that one-folder
    validate refused.)"""
    files = parts.files("articles")
    beside = (folder / "raw").is_dir() or (folder / "annotations" / "articles").is_dir()  # the pins too (attack54)
    if "articles" in structural or not files or not beside or not (folder / "data").is_dir():
        return
    try:
        articles = pa.concat_tables([pq.read_table(f, columns=_RAW_COLUMNS) for f in files])
    except Exception:  # noqa: BLE001 - a table that cannot be read so has its structural finding already
        return
    try:
        check_raw_texts(folder, articles, report)
    except UnreadableTable as exc:  # a raw file there but unreadable: nothing judged, as validate (attack24)
        report.unusable = exc.line()
    except Exception as exc:  # noqa: BLE001 - as validate: a crashed check is a finding, never a traceback
        if not _out_of_resources(exc, f"{folder}: check_raw_texts", report):
            report.add("*", "check-crashed", f"check_raw_texts could not run: {type(exc).__name__}: {exc}")


def _out_of_resources(exc: BaseException, where: str, report: Report) -> bool:
    """A corpus-wide check that ran out of memory or threads judged nothing: the report is unusable
    (`[out-of-resources]`, exit 2), never `check-crashed` (INVALID), as in one-folder validate
    (attack24's open item for the engine's own pass). True when it was that."""
    found = shortage(exc, where)
    if found is not None:
        report.unusable = report.unusable or found.line()
    return found is not None


def _tasks(parts: Layout, workers: int, floor: int) -> list[list[str]]:
    sizes = {index: file_bytes(p for paths in files.values() for p in paths) for index, files in parts.partitions.items()}
    shared = file_bytes(p for paths in parts.shared.values() for p in paths)
    return group(sizes, task_bytes(shared, sum(sizes.values()), workers, floor))


def _task_files(parts: Layout, indexes: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each table's files of the grouped partitions, in partition order."""
    files: dict[str, list[str]] = {}
    for index in indexes:
        for table, paths in parts.partitions[index].items():
            files.setdefault(table, []).extend(map(str, paths))
    return tuple((table, tuple(paths)) for table, paths in files.items())


def _templates(parts: Layout, spread: tuple[str, ...]) -> dict[str, str]:
    """Each partitioned or spread table's first file, in TABLES order: the schema a zero-row stand-in takes."""
    first: dict[str, str] = {t: str(parts.shared[t][0]) for t in spread if parts.shared[t]}
    for files in parts.partitions.values():
        for table, paths in files.items():
            first.setdefault(table, str(paths[0]))
    return {spec.name: first[spec.name] for spec in TABLES if spec.name in first}


def _absent(parts: Layout, indexes: list[str], templates: dict[str, str], arriving: set[str]) -> tuple[tuple[str, str], ...]:
    """Partitioned (or spread) tables without a file in these partitions nor rows arriving, each
    with a real file of the table."""
    held = {table for index in indexes for table in parts.partitions[index]} | arriving
    return tuple((table, template) for table, template in templates.items() if table not in held)


def _spread(parts: Layout) -> tuple[str, ...]:
    """Shared tables whose rows belong to articles (a `mention_exclusions` in one file): when the
    articles are partitioned, each row is checked in its article's task, not lent to all of them."""
    if not parts.partitions:
        return ()
    return tuple(t for t in parts.shared if t != "articles" and "article_id" in TABLES_BY_NAME[t].column_names)


def _article_table_files(parts: Layout, indexes: list[str]) -> dict[str, list[Path]]:
    """These partitions' files of the tables whose rows belong to an article, but articles' own."""
    files: dict[str, list[Path]] = {}
    for index in indexes:
        for table, paths in parts.partitions[index].items():
            if table != "articles" and "article_id" in TABLES_BY_NAME[table].column_names:
                files.setdefault(table, []).extend(paths)
    return files


def _leaving(moves: Moves, files: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    return tuple((path, tuple(moves.leaving[path].tolist())) for _, paths in files for path in paths if path in moves.leaving)


def _task_name(indexes: list[str]) -> str:
    return indexes[0] if len(indexes) == 1 else f"{indexes[0]}-{indexes[-1]}"


def _table_facts(root: Path, parts: Layout, silver: bool, report: Report) -> dict[str, str]:
    """Missing tables, row counts, schema versions and empty tables, from Parquet footers only;
    returns the tables whose files cannot be one table, with the line that makes the input unusable."""
    mismatched = {}
    for spec in TABLES:
        folder = root / spec.name
        # what one folder refuses before reading a part (layouts list regular files: no task sees it),
        # decided where one folder decides it: gone or part-less is a missing table (exit 1), a file,
        # a dangling link or an unopenable part is unreadable, the input unusable (attack32, attack45)
        refused, rows = refused_table(folder), None
        if refused is None:
            try:
                rows = sum(footer_rows(pq.ParquetFile(p).metadata) for p in parts.files(spec.name))
            except Exception:  # noqa: BLE001 - an unreadable file is reported by its partition's check
                rows = None
            refused = _mismatched_schemas(folder, parts.files(spec.name)) if rows is not None else None
        if refused is not None:
            report.tables[spec.name] = TableResult(spec.name, present=False)
            report.add(spec.name, refused.check, str(refused))
            if refused.check != "missing-table":
                mismatched[spec.name] = refused.line()
            continue
        report.tables[spec.name] = TableResult(spec.name, rows=rows)
        if rows is None:
            continue  # unreadable: one folder reports only that, and so does the task holding the file
        _check_versions(spec.name, parts.files(spec.name), report)
        if rows == 0 and not (spec.may_be_empty or silver):
            report.add(spec.name, "empty-table", "table has no rows")
    return mismatched


def _folder_entries(root: Path, mismatched: dict[str, str], report: Report) -> None:
    """What one folder reports of the folders themselves: Parquet beside the tables and Parquet
    in a table folder under another name. Tasks see folders of links only, so `--engine` passed
    both, exit 0 (review17)."""
    _report_unexpected_tables(root, report)
    for spec in TABLES:
        result = report.tables.get(spec.name)
        if result is None or spec.name in mismatched:
            continue
        read = result.present and result.rows is not None
        partless = not result.present and (root / spec.name).is_dir()  # missing-table, its folder there (attack45)
        if read or partless:
            check_folder_entries(spec.name, root / spec.name, report.add)


def _check_versions(table: str, files: list[Path], report: Report) -> None:
    """Every part's schema version from its footer, worded as one folder words it: a part of
    another version was hidden behind the first file's stamp (review17)."""
    stamps = [landstrikes_metadata(pq.read_schema(p)) for p in files]
    note_stamps(report, stamps)  # what the report says it judged, as one folder's (eco39)
    versions = [(p, meta.get("schema_version")) for p, meta in zip(files, stamps)]
    for part, version in versions:
        if version != SCHEMA_VERSION:
            where = f"{part.name} carries" if len(versions) > 1 else "files carry"
            report.add(table, "schema-version-mismatch", version_message(where, version, SCHEMA_VERSION), value=version)


def _silver(files: list[Path]) -> bool:
    """One folder's silver mark (`_all_auto`): every articles file stamped source=auto and every
    row's source auto, read from the footers and the one column; the first file's stamp alone let
    a restamped gold part skip `empty-table` (review17)."""
    try:
        metadata = [(p, landstrikes_metadata(pq.read_schema(p))) for p in files]
        if not all(m.get("source") == "auto" for _, m in metadata):
            return False
        return _all_auto(pa.concat_tables([pq.read_table(p, columns=["source"]) for p in files]), metadata)
    except Exception:  # noqa: BLE001 - no readable source column: not silver; the file's task says why
        return False


def _metadata(folder: Path) -> dict[str, str]:
    """The table's stamps from its first file; none when that file is unreadable (its task reports it, naming it)."""
    try:
        return file_metadata(folder)
    except Exception:  # noqa: BLE001 - reported, naming the real file, by the task that holds it
        return {}


def _mismatched_schemas(folder: Path, files: list[Path]) -> UnreadableTable | None:
    """The one-folder validator's line for a table whose files cannot be one table (their column
    types differ), decided from the footers: tasks holding one of the files each would pass them."""
    try:
        pa.concat_tables([pq.read_schema(p).empty_table() for p in files], promote_options="none")
    except pa.ArrowException as exc:
        return UnreadableTable(f"{folder}: files have different schemas ({exc})")
    except Exception:  # noqa: BLE001 - an unreadable footer is reported by its partition's task
        return None
    return None


def _return_freed_memory() -> None:
    """Give what Arrow's allocator keeps of freed buffers back to the system: without it the
    driver's heap stays at the high-water mark of the key passes while it reads whole tables."""
    pa.default_memory_pool().release_unused()


def _corpus_wide(root: Path, parts: Layout, structural: set[str], report: Report, pass_rows: int) -> None:
    """Unique ids and foreign keys across partitions, then the claims' cross-article rules."""
    present = {t for t, r in report.tables.items() if r.present}
    for spec in TABLES:
        if spec.name in present:
            for col in spec.columns:
                if col.unique and spec.name not in structural:  # a broken table has its structural finding
                    check_unique(spec.name, parts.files(spec.name), col.name, spec.id_column, report, pass_rows)
    sound = present - structural
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        if table in sound and ref_table in sound:
            is_list = TABLES_BY_NAME[table].column(column).type == "string_list"
            check_foreign_key(table, parts.files(table), column, TABLES_BY_NAME[table].id_column, is_list,
                              ref_table, parts.files(ref_table), ref_column, report, pass_rows)
    _return_freed_memory()
    # the claims' rules and three gold checks link rows of different articles: they read their tables whole
    runs = _corpus_wide_runs()
    tables: dict[str, object] = {}
    for i, (check, needs) in enumerate(runs):
        still_needed = {name for _, later in runs[i:] for name in later}
        released = [n for n in tables if n not in still_needed]
        for name in released:
            del tables[name]  # read whole, so held only while a check still needs it
        if released:
            _return_freed_memory()
        if not set(needs) <= sound:
            continue
        try:
            for name in needs:
                if name not in tables:
                    tables[name] = read_table(root / name)
        except UnreadableTable as exc:
            report.unusable = report.unusable or str(exc)
            return
        try:
            check({n: tables[n] for n in needs}, report)
        except Exception as exc:  # noqa: BLE001 - as validate: a crashed check is a finding, never a traceback
            if _out_of_resources(exc, f"{root}: {check.__name__}", report):
                return
            report.add("*", "check-crashed", f"{check.__name__} could not run: {type(exc).__name__}: {exc}")
