"""`validate(path) -> Report`: every Pandera table schema plus every cross-table check."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy.ma  # noqa: F401 (pyarrow imports it on the first array made from numpy, which every run makes:
# with the other module imports, not inside the first check that happens to make one)
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.arrowchecks import check_arrow_table
from landstrikes.schema.arrowrules import columns_breaking_rules
from landstrikes.schema.article_digest import check_article_digest
from landstrikes.schema.duplicate_ids import DUPLICATE_ID_MESSAGE
from landstrikes.schema.claims_checks import check_quantity_ranges
from landstrikes.schema.cue_lemma import check_cue_lemmas
from landstrikes.schema.census_checks import CENSUS_CHECKS
from landstrikes.schema.guideline_rules import GUIDELINE_CHECKS
from landstrikes.schema.cross_article_refs import CROSS_ARTICLE_CHECKS
from landstrikes.schema.value_rules import VALUE_CHECKS
from landstrikes.schema.articles_derived import check_article_derived
from landstrikes.schema.raw_texts import check_raw_texts
from landstrikes.schema.checkcorpus import ARROW_LISTS, arrow_table, running_check  # noqa: F401 (ARROW_LISTS re-exported)
from landstrikes.schema.crosschecks import CROSS_CHECKS as _TABLE_CHECKS, LONGEST_FIRST as _TABLE_ORDER, Corpus, article_texts
from landstrikes.schema.source_stamps import check_auto_rows_stamped
from landstrikes.schema.filestamps import (check_folder_entries, check_reader_metadata, check_stamps, parquet_data, unread_folder,
                                           version_message)
from landstrikes.schema.goldchecks import GOLD_CHECKS
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.release_check import prejudge, release_findings
from landstrikes.schema.report import NO_ROW, NullId, Report, TableResult
from landstrikes.schema.resources import OutOfResources, raise_if_exhausted
from landstrikes.schema.workers import corpus_bytes, executor, workers_for
from landstrikes.schema.tableio import (
    UnreadableTable,
    concat_parts,
    not_a_folder,
    one_level_too_deep,
    landstrikes_metadata,
    read_parts,
    table_files,
    to_pandas,
)

if TYPE_CHECKING:
    import pandas as pd

# Pandera's check names -> our stable check ids.
_PANDERA_CHECK_IDS = {
    "column_in_dataframe": "missing-column",
    "column_in_schema": "unexpected-column",
    "column_ordered": "column-order",
    "not_nullable": "null-in-required-column",
    "field_uniqueness": "duplicate-id",
    "isin": "label-outside-set",
    "greater_than_or_equal_to": "negative-offset",
    "str_matches": "bad-format",
    "str_length": "empty-string",
    "in_range": "out-of-range",
    "greater_than": "out-of-range",
}
CROSS_CHECKS = _TABLE_CHECKS + GOLD_CHECKS + (check_article_derived, check_article_digest, *VALUE_CHECKS, check_quantity_ranges, check_cue_lemmas,
                *CENSUS_CHECKS, *GUIDELINE_CHECKS, *CROSS_ARTICLE_CHECKS)
"""Every cross-table check, in report order: the table checks, then those added after the 1.0.0
review, then the article columns derived from the text (found missing by the attack2 review) and
the text's digest, then the rules the false-VALID census and attack5 found unchecked."""
LONGEST_FIRST = _TABLE_ORDER + GOLD_CHECKS + (check_article_derived, check_article_digest, *VALUE_CHECKS, check_quantity_ranges, check_cue_lemmas,
                *CENSUS_CHECKS, *GUIDELINE_CHECKS, *CROSS_ARTICLE_CHECKS)

_STRUCTURAL = {"missing-column", "unexpected-column", "wrong-dtype", "column-order"}


def data_dir(path: Path) -> Path:
    """A dataset folder, a release folder, or the data folder itself."""
    return path / "data" if (path / "data").is_dir() else path


def table_root(path: Path) -> Path:
    """The folder holding the table folders, or UnreadableTable (`unreadable-folder`) saying why
    there is nothing to validate: no such folder, a file, `data` that is not a folder (a file, a
    dangling symlink, a symlink loop), or no table folder at all."""
    if not path.exists():
        raise UnreadableTable(f"no such folder: {path}", "unreadable-folder")
    if not path.is_dir():
        raise UnreadableTable(f"{path}: not a folder (expected a dataset, release or data folder)"
                              f"{one_level_too_deep(path, TABLES)}", "unreadable-folder")
    if os.path.lexists(path / "data"):
        if not (path / "data").is_dir():
            raise UnreadableTable(f"{path / 'data'}: not a folder (a file, a dangling symlink or a symlink loop)", "unreadable-folder")
        root = path / "data"
    else:
        root = path
    if not any(os.path.lexists(root / spec.name) for spec in TABLES):
        raise UnreadableTable(f"{root}: no table folder (expected data/<table>/*.parquet for {', '.join(s.name for s in TABLES[:3])}, ...)"
                              f"{one_level_too_deep(root, TABLES)}", "unreadable-folder")
    return root


def load_and_check_tables(path: Path, report: Report) -> dict[str, pa.Table]:
    """The structurally sound tables of `path` as Arrow (`_load_and_check`), findings in `report`."""
    return _load_and_check(path, report)[0]


def _load_and_check(path: Path, report: Report, workers: int | None = None, hashed=None) -> tuple[dict[str, pa.Table], frozenset]:
    """Read every table and check it (Arrow-level checks, then Pandera); returns the structurally
    sound ones as Arrow tables (Arrow-level repairs applied, no schema metadata): no pandas frame
    is made unless Pandera must word a broken table's findings.

    Pipelined: each table is checked on the worker that read it, as soon as it is read, so the
    largest table's schema check overlaps the reading of the others. Findings are reported as
    if the two steps ran one after the other: every reading finding, then every table's own
    findings (Arrow level, then Pandera), each in TABLES order.

    Also returns the (table, column) of every unique column proven distinct and non-null (the
    table kept the gate's rules), for lookups that stop at the first equal key (Corpus.distinct).

    `hashed` (a release's, `release_check.Hashed`): each part is parsed from the bytes its judge
    read once and hashed against the manifest, never read a second time (eco40).
    """
    try:
        root = table_root(path)
    except UnreadableTable as exc:
        report.unusable = exc.line()
        return {}, frozenset()
    # tables are read side by side (Parquet decoding releases the GIL), reported in TABLES order;
    # a small corpus on the calling thread alone (landstrikes.schema.workers)
    with executor(workers or _workers_at(root)) as pool:
        done = list(pool.map(lambda spec: _read_and_check(spec, root / spec.name, report.path, hashed), TABLES))
    silver = next((t.silver for spec, t in zip(TABLES, done) if spec.name == "articles"), False)
    sound = {}
    for spec, table in zip(TABLES, done):
        table_dir = root / spec.name
        if table.missing:
            report.tables[spec.name] = TableResult(spec.name, present=False)
            report.add(spec.name, "missing-table", table.missing_because or f"no folder {table_dir}")
            continue
        if table.unreadable is not None:
            report.tables[spec.name] = TableResult(spec.name, present=False)
            report.add(spec.name, table.unreadable.check, str(table.unreadable))
            report.unusable = report.unusable or table.unreadable.line()
            continue
        report.tables[spec.name] = TableResult(spec.name, rows=table.rows)
        for part, version in table.versions:
            if version != SCHEMA_VERSION:
                where = f"{part.name} carries" if len(table.versions) > 1 else "files carry"
                report.add(spec.name, "schema-version-mismatch", version_message(where, version, SCHEMA_VERSION), value=version)
        if table.rows == 0 and not (spec.may_be_empty or silver):  # an extractor may find nothing
            report.add(spec.name, "empty-table", "table has no rows")
    _report_unexpected_tables(root, report)
    stamps = {spec.name: table.stamps for spec, table in zip(TABLES, done) if table.stamps}
    note_stamps(report, [meta for parts in stamps.values() for _, meta in parts])
    check_stamps(stamps, report.add)
    for spec, table in zip(TABLES, done):
        if table.stamps or table.missing_because:  # a folder with no part may still hold Parquet data (attack45)
            check_folder_entries(spec.name, root / spec.name, report.add)
    for spec, table in zip(TABLES, done):
        report.findings.extend(table.findings)
        if table.arrow is not None and not table.structural:
            sound[spec.name] = table.arrow
    distinct = frozenset((spec.name, col.name) for spec, table in zip(TABLES, done) if table.rules_held and spec.name in sound
                         for col in spec.columns if col.unique)
    return sound, distinct


def note_stamps(report: Report, stamps) -> None:
    """The dataset and schema versions the tables' files are stamped with, for the report to name
    what it judged (eco39); `stamps`: each part's landstrikes metadata."""
    stamps = list(stamps)
    for key in ("dataset_version", "schema_version"):
        found = report.checked.setdefault(f"{key}s", set())
        found.update(str(meta[key]) for meta in stamps if key in meta)
    # a silver file carries its extractor's package version as its dataset version: the report says
    # silver, not "dataset X.Y.Z", when files are stamped source=auto (newuser59)
    report.checked["files"] = report.checked.get("files", 0) + len(stamps)  # --engine: once per table
    report.checked["auto_files"] = report.checked.get("auto_files", 0) + sum(meta.get("source") == "auto" for meta in stamps)


def _report_unexpected_tables(root: Path, report: Report) -> None:
    """A folder of Parquet files beside the tables is data this validator does not vouch for."""
    for entry in sorted(root.iterdir()):
        if entry.name in TABLES_BY_NAME or entry.name.startswith("."):
            continue
        if entry.is_dir() and table_files(entry):
            report.add(entry.name, "unexpected-table", f"{entry} holds Parquet files but is not a table of schema {SCHEMA_VERSION}")
            continue
        # attack14: Parquet data deeper down (an extract output, a copied table folder) or a
        # Parquet file beside the tables went unread under a VALID verdict
        found = parquet_data(entry)
        if found is not None and found.is_dir():  # review14: past the walk's bound, Parquet may lie unread
            report.add(entry.name, "unexpected-table", f"{entry.name[:80]} is {unread_folder(found)}, beside the "
                       f"tables; move it out of {root}")
        elif found is not None:
            report.add(entry.name, "unexpected-table", f"{str(found)[:200]} is Parquet data beside the tables "
                       f"that no table of schema {SCHEMA_VERSION} reads; move it out of {root}")


@dataclass
class _TableRead:
    """What one worker found for one table."""

    missing: bool = False
    missing_because: str = ""
    """Why a present folder is no table ("no .parquet file"); empty for a folder that is not there."""
    unreadable: UnreadableTable | None = None
    rows: int = 0
    versions: list[tuple[Path, str | None]] = field(default_factory=list)
    silver: bool = False
    arrow: pa.Table | None = None
    """The table as the checks get it (Arrow-level repairs applied, no schema metadata)."""
    findings: list = field(default_factory=list)
    structural: bool = False
    stamps: list[tuple[Path, dict[str, str]]] = field(default_factory=list)
    rules_held: bool = False
    """The gate proved Pandera's rules (so every unique column is distinct and non-null)."""


def _all_auto(arrow, metadata) -> bool:
    """Silver allowances need both marks: every file says source=auto and every row says auto.
    Metadata alone would let an edited gold copy skip the empty-table check."""
    if not all(m.get("source") == "auto" for _, m in metadata) or arrow.column_names.count("source") != 1:
        return False
    column = arrow.column("source")
    if not pa.types.is_string(column.type):
        return False  # reported as wrong-dtype
    return bool(pc.all(pc.fill_null(pc.equal(column, "auto"), False)).as_py() is not False)


def _read_and_check(spec, table_dir: Path, path: str, hashed=None) -> _TableRead:
    """Read one table folder (a release's parts from the bytes hashed: `hashed`) and run its own
    checks; never raises."""
    if not os.path.lexists(table_dir):
        return _TableRead(missing=True)
    try:
        if not table_dir.is_dir():
            raise not_a_folder(table_dir)
        parts = read_parts(table_dir, hashed)
        arrow = concat_parts(table_dir, [part for _, part in parts])
    except UnreadableTable as exc:
        if exc.check == "missing-table":  # a folder with no part: judged as a missing table, the rest still judged
            return _TableRead(missing=True, missing_because=str(exc))
        return _TableRead(unreadable=exc)
    except Exception as exc:  # an input nobody foresaw is unusable input, never a traceback
        raise_if_exhausted(exc, str(table_dir))
        return _TableRead(unreadable=UnreadableTable(f"{table_dir}: cannot be read ({type(exc).__name__}: {exc})"))
    metadata = [(part_path, landstrikes_metadata(part.schema)) for part_path, part in parts]
    result = _TableRead(
        rows=arrow.num_rows,
        versions=[(p, m.get("schema_version")) for p, m in metadata],
        silver=_all_auto(arrow, metadata),
        stamps=metadata,
    )
    own = Report(path=path)
    check_reader_metadata(spec.name, parts, own.add)
    check_auto_rows_stamped(spec.name, spec.id_column, parts, own.add)
    at: dict[int, int] = {}  # finding number -> the table row its message names, for the Arrow checks' cell findings
    rows: list[int | None] = []  # each Pandera finding's row

    def add_at(table, check, message, row_id=NO_ROW, column="", value=None, value_of=""):
        own.add(table, check, message, row_id, column, value, value_of)
        row = _ROW_NAMED.search(message)
        if row is not None:
            at[len(own.findings) - 1] = int(row.group(1))

    try:
        arrow, broken = check_arrow_table(spec, arrow, add_at)
        if len(set(arrow.column_names)) < arrow.num_columns:
            result.findings, result.structural = own.findings, True  # duplicate names: no frame to check
            return result
        result.arrow = arrow.replace_schema_metadata(None)
        breaking = None if broken else columns_breaking_rules(spec, arrow)
        if breaking == ():
            findings, structural = [], False  # Pandera would find nothing: its rules held on Arrow
            result.rules_held = True
        elif breaking is None:  # Pandera checks the frame as `to_pandas` gives it: Python lists
            findings, structural = _pandera_findings(spec, to_pandas(result.arrow), path, rows)
        else:  # the schema's columns in its order: Pandera checks the columns not proven to keep its rules
            findings, structural = _pandera_of_columns(spec, result.arrow, breaking, path, rows)
    except Exception as exc:  # a check must never turn bad data into a traceback
        raise_if_exhausted(exc, f"{path}: the checks of {spec.name}")
        own.add(spec.name, "check-crashed", f"table checks could not run: {type(exc).__name__}: {exc}")
        result.findings, result.structural = own.findings, True
        return result
    # what the Arrow checks reported (a wrong type, a NaN read as null) is not repeated by Pandera: the same cell, by
    # its row where both name it (attack31: keyed by row id alone, an out-of-range value of one row went unreported
    # beside a NaN of another row sharing its id, in one folder but not under --engine with the rows in two tasks)
    placed = {(f.column, f.row_id, at[n]) for n, f in enumerate(own.findings) if n in at}
    seen = {(f.column, f.row_id) for n, f in enumerate(own.findings) if n not in at}
    cells = {(column, row_id) for column, row_id, _ in placed}
    rows = rows if len(rows) == len(findings) else [None] * len(findings)
    findings = [f for f, row in zip(findings, rows) if not (f.check == "wrong-dtype" and f.column in broken)
                and (f.column, f.row_id) not in seen
                and ((f.column, f.row_id, row) not in placed if row is not None else (f.column, f.row_id) not in cells)]
    result.findings, result.structural = own.findings + findings, structural or bool(broken)
    return result


def _pandera_of_columns(spec, arrow: pa.Table, columns: tuple[str, ...], path: str, rows: list | None) -> tuple[list, bool]:
    """`_pandera_findings` of the named columns of `arrow`, a table holding the schema's columns in
    its order: each of Pandera's findings there is one column's own (its dtype, nullability,
    uniqueness or checks), so checking those columns alone finds what checking the whole frame
    finds, at about half of Pandera's cost on the gold (its failure path costs ~15 ms whatever the
    columns, each column a few more). A schema with a rule of the whole frame is checked whole."""
    schema = spec.pandera_schema()
    if schema.checks or schema.unique or schema.index is not None or schema.coerce:
        return _pandera_findings(spec, to_pandas(arrow), path, rows)
    needed = [name for name in spec.column_names if name in columns or name == spec.id_column]  # the id names rows
    return _pandera_findings(spec, to_pandas(arrow.select(needed)), path, rows, schema.select_columns(list(columns)))


def _pandera_findings(spec, df: pd.DataFrame, path: str, rows: list | None = None, schema=None) -> tuple[list, bool]:
    """One table's Pandera failures as findings, and whether its structure is broken; `rows`, if
    given, gets each finding's row number (None for a finding of no one row). `schema`: a schema
    of some of the table's columns (`_pandera_of_columns`), checked against those columns of `df`."""
    import pandas as pd  # here, not at the top: only a table breaking a rule pays for pandas and Pandera
    import pandera.errors

    own = Report(path=path)
    try:
        if schema is None:
            spec.pandera_schema().validate(df, lazy=True)
        else:
            schema.validate(df[list(schema.columns)], lazy=True)
        return [], False
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    structural = False
    row_id_of = _row_ids(df, spec.id_column)
    for case in cases.itertuples(index=False):
        check = _check_id(str(case.check))
        structural |= check in _STRUCTURAL
        if check == "column-order":
            continue  # one finding for the table, below: Pandera gives one per column, naming none
        row_id = row_id_of(case.index)
        column = "" if case.column is None or pd.isna(case.column) else str(case.column)
        if check in ("missing-column", "unexpected-column"):
            column = str(case.failure_case)
        own.add(spec.name, check, _message_saying_what_to_do(spec, check, column) or f"Pandera check {case.check} failed", row_id,
                column, case.failure_case)
        if rows is not None:
            rows.append(_row_number(case.index))
    misplaced = _first_misplaced(list(df.columns), spec.column_names) if schema is None else None  # (in order: `schema`'s precondition)
    if misplaced is not None:
        found, want = misplaced
        if rows is not None:
            rows.append(None)
        own.add(spec.name, "column-order", f"column {found!r} stands where the schema has {want!r} "
                f"(schema order: {', '.join(spec.column_names)})", column=found, value=found)
    return own.findings, structural


def _message_saying_what_to_do(spec, check: str, column: str = "") -> str | None:
    """What a column too many or too few, or a repeated unique value, means, and what to do: the Pandera
    check's name had said neither (newuser46: a user's own column in a copy of `quotes`; newuser59: a
    repeated id; eco70: the index pandas' `to_parquet` writes of a filtered frame)."""
    if check == "unexpected-column" and _PANDAS_INDEX.fullmatch(column):
        return (f"not a column of the {spec.name} schema: the index pandas' to_parquet writes of a filtered frame; "
                "write the table with preserve_index=False (README, 'Your own edited copy')")
    if check == "unexpected-column":
        return (f"not a column of the {spec.name} schema (tables are strict; the columns: landstrikes "
                f"export-schemas): keep a column of your own in a table of its own, keyed by {spec.id_column}")
    if check == "missing-column":
        return f"the {spec.name} schema has this column; the table lacks it"
    if check == "duplicate-id":
        return DUPLICATE_ID_MESSAGE
    return None


_PANDAS_INDEX = re.compile(r"__index_level_\d+__")
"""The name pandas gives an unnamed index it stores as a column (a frame whose index is no RangeIndex)."""


def _first_misplaced(columns: list[str], schema: list[str]) -> tuple[str, str] | None:
    """The first column (of those the schema has) out of the schema's order, and the schema's
    column at its place; None when they are in order (attack13: a reversed table gave one
    finding per column, each naming the table as its column)."""
    present = [c for c in columns if c in schema]
    expected = [c for c in schema if c in present]
    for found, want in zip(present, expected):
        if found != want:
            return found, want
    return None


def _check_id(pandera_check: str) -> str:
    if pandera_check.startswith("dtype("):
        return "wrong-dtype"
    name = pandera_check.split("(")[0]
    return _PANDERA_CHECK_IDS.get(name, f"schema-{name}")


def _row_ids(df: pd.DataFrame, id_column: str):
    """`_row_id` of `df` for any index, the id column read once: asked row by row of the frame,
    each of 446,000 null-in-required-column findings (a mentions table whose entity ids are all
    null, 10^5 quote rows) cost 0.1 ms, 50 s in all (session 29)."""
    import pandas as pd

    column = df[id_column] if id_column in df.columns else None
    if not isinstance(column, pd.Series):  # no id column, or two of that name: the plain lookup
        return lambda index: _row_id(df, id_column, index)
    ids = column.tolist()
    missing = column.isna().tolist()

    def row_id(index):
        if index is None or (not isinstance(index, str) and pd.isna(index)):
            return NO_ROW  # a failure of no one row
        try:
            at = int(index)
            return NullId(f"#{index}") if missing[at] else f"{ids[at]}"
        except (ValueError, IndexError, TypeError, OverflowError):
            return NullId(f"#{index}")

    return row_id


_ROW_NAMED = re.compile(r"\(row (\d+)\)")
"""The table row an Arrow check's message names ("... (row 12)")."""


def _row_number(index) -> int | None:
    try:
        return int(index)
    except (TypeError, ValueError):
        return None


def _row_id(df: pd.DataFrame, id_column: str, index):
    import pandas as pd

    if index is None or (not isinstance(index, str) and pd.isna(index)):
        return NO_ROW
    try:
        value = df[id_column].iloc[int(index)]
        return f"{value}" if not pd.isna(value) else NullId(f"#{index}")
    except (KeyError, ValueError, IndexError, TypeError):
        return NullId(f"#{index}")


def validate(path: str | Path, timings: dict[str, float] | None = None, skipped: frozenset[str] = frozenset(),
             pin: str | None = None) -> Report:
    """Validate a folder of tables; never raises for bad data, everything goes in the Report.

    A release folder (or its data/ folder) is also judged against its MANIFEST.json as `verify`
    judges it, and with `pin` (the sha256 of MANIFEST.json its CHANGELOG entry states) against the
    pin, exactly as `landstrikes validate PATH --pin SHA256` (eco39: this function had judged the
    tables alone, VALID where the command said INVALID); a pin for a folder without MANIFEST.json,
    or no sha256, makes the report unusable. `report.checked` names what was judged. A release's
    listed files are each read once, hashed, and its tables parsed from those bytes (eco40).

    `timings`, if given, receives seconds per stage for the benchmarks: reading with Pandera
    (pipelined, one stage), indexing the texts, and each cross check (these run in parallel, so
    their times overlap). `skipped` names cross checks not to run (`validate --engine` on one
    partition: the checks its corpus-wide pass runs on whole tables instead).
    """
    try:
        # a release is judged first, each listed file read once: its tables are parsed from the bytes
        # hashed against MANIFEST.json, not read a second time (eco40)
        prejudged = prejudge(path, pin, Report)
        return release_findings(path, _validate(Path(path), timings, skipped, prejudged and prejudged.hashed), pin,
                                prejudged)
    except OutOfResources as exc:  # nothing judged: unusable, never a finding about the data (attack24)
        report = Report(path=str(path))
        report.unusable = exc.line()
        return report


def _validate(path: Path, timings: dict[str, float] | None, skipped: frozenset[str], hashed=None) -> Report:
    report = Report(path=str(path))
    clock = _Stopwatch(timings)
    workers = _workers(path)
    sound = Corpus.from_arrow(*clock.run("read_and_pandera", _load_and_check, path, report, workers, hashed))
    if report.unusable is not None:
        return report
    if "articles" in sound:
        with running_check("article_texts"):
            clock.run("index_texts", article_texts, sound)
    # the checks read the tables and write only their own findings: they run side by side
    # (Arrow, numpy and the text scanners release the GIL) and report in CROSS_CHECKS order
    with executor(workers) as pool:
        # the longest checks (the text scans) start first, so no core idles at the end
        futures = {check: pool.submit(_run_check, check, sound, clock, report.path)
                   for check in LONGEST_FIRST if check.__name__ not in skipped}
        for check in CROSS_CHECKS:
            if check in futures:
                report.findings.extend(futures[check].result())
    try:  # a dataset folder's articles against its raw files (attack14)
        check_raw_texts(path, arrow_table(sound, "articles"), report)
    except UnreadableTable as exc:  # a raw file there but unreadable: nothing judged (attack24)
        report.unusable = exc.line()
    except Exception as exc:  # never a traceback
        raise_if_exhausted(exc, f"{path}: check_raw_texts")
        report.add("*", "check-crashed", f"check_raw_texts could not run: {type(exc).__name__}: {exc}")
    return report


def _workers(path: Path) -> int:
    """Threads for the folder's corpus (landstrikes.schema.workers); one where it has no table root."""
    try:
        return _workers_at(table_root(path))
    except UnreadableTable:
        return 1


def _workers_at(root: Path) -> int:
    return workers_for(corpus_bytes(root, [spec.name for spec in TABLES]))


def _run_check(check, tables, clock, path) -> list:
    own = Report(path=path)
    try:
        with running_check(check.__name__):
            clock.run(check.__name__, check, tables, own)
    except Exception as exc:  # a check must never turn bad data into a traceback
        raise_if_exhausted(exc, f"{path}: {check.__name__}")
        own.add("*", "check-crashed", f"{check.__name__} could not run: {type(exc).__name__}: {exc}")
    return own.findings


class _Stopwatch:
    def __init__(self, timings: dict[str, float] | None):
        self.timings = timings

    def run(self, stage: str, function, *args):
        begin = time.perf_counter()
        try:
            return function(*args)
        finally:
            if self.timings is not None:
                self.timings[stage] = time.perf_counter() - begin
