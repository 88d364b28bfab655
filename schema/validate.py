"""`validate(path) -> Report`: every Pandera table schema plus every cross-table check."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pandera.errors

from landstrikes.schema.crosschecks import CROSS_CHECKS as _TABLE_CHECKS, LONGEST_FIRST as _TABLE_ORDER, Corpus, article_texts
from landstrikes.schema.goldchecks import GOLD_CHECKS
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES
from landstrikes.schema.report import Report, TableResult
from landstrikes.schema.tableio import UnreadableTable, file_metadata, read_table

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
CROSS_CHECKS = _TABLE_CHECKS + GOLD_CHECKS
"""Every cross-table check, in report order: the table checks, then those added after the 1.0.0 review."""
LONGEST_FIRST = _TABLE_ORDER + GOLD_CHECKS

_STRUCTURAL = {"missing-column", "unexpected-column", "wrong-dtype", "column-order"}


def data_dir(path: Path) -> Path:
    """A dataset folder, a release folder, or the data folder itself."""
    return path / "data" if (path / "data").is_dir() else path


def load_and_check_tables(path: Path, report: Report) -> dict[str, pd.DataFrame]:
    """Read every table and check it with its Pandera schema; returns the structurally sound ones.

    Pipelined: each table is checked on the worker that read it, as soon as it is read, so the
    largest table's schema check overlaps the reading of the others. Findings are reported as
    if the two steps ran one after the other: every reading finding, then every Pandera finding,
    each in TABLES order.
    """
    tables, checked = _read_all(path, report)
    sound = {}
    for spec in TABLES:
        if spec.name in checked:
            findings, structural = checked[spec.name]
            report.findings.extend(findings)
            if not structural:
                sound[spec.name] = tables[spec.name]
    return sound


def _read_all(path: Path, report: Report):
    """Every table read (and Pandera-checked); what is missing or unreadable goes in the report."""
    root = data_dir(path)
    silver = file_metadata(root / "articles").get("source") == "auto"
    tables: dict[str, pd.DataFrame] = {}

    def work(spec):
        df = _read(root / spec.name)
        return df, _pandera_findings(spec, df, report.path) if isinstance(df, pd.DataFrame) else None

    # tables are read side by side (Parquet decoding releases the GIL), reported in TABLES order
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        done = list(pool.map(work, TABLES))
    checked = {}
    for spec, (df, schema_result) in zip(TABLES, done):
        table_dir = root / spec.name
        if df is None:
            report.tables[spec.name] = TableResult(spec.name, present=False)
            report.add(spec.name, "missing-table", f"no folder {table_dir}")
            continue
        if isinstance(df, UnreadableTable):
            report.tables[spec.name] = TableResult(spec.name, present=False)
            report.add(spec.name, "unreadable-table", str(df))
            report.unusable = report.unusable or str(df)
            continue
        report.tables[spec.name] = TableResult(spec.name, rows=len(df))
        version = file_metadata(table_dir).get("schema_version")
        if version != SCHEMA_VERSION:
            report.add(spec.name, "schema-version-mismatch", f"files carry schema version {version!r}, this validator checks {SCHEMA_VERSION!r}", value=version)
        if df.empty and not (spec.may_be_empty or silver):  # an extractor may find nothing
            report.add(spec.name, "empty-table", "table has no rows")
        tables[spec.name] = df
        if schema_result is not None:
            checked[spec.name] = schema_result
    return tables, checked


def _read(table_dir: Path) -> pd.DataFrame | UnreadableTable | None:
    """The table, or the reason it cannot be read, or None when its folder is missing."""
    if not table_dir.is_dir():
        return None
    try:
        return read_table(table_dir)
    except UnreadableTable as exc:
        return exc


def _pandera_findings(spec, df: pd.DataFrame, path: str) -> tuple[list, bool]:
    """One table's Pandera failures as findings, and whether its structure is broken."""
    own = Report(path=path)
    try:
        spec.pandera_schema().validate(df, lazy=True)
        return [], False
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    structural = False
    for case in cases.itertuples(index=False):
        check = _check_id(str(case.check))
        structural |= check in _STRUCTURAL
        row_id = _row_id(df, spec.id_column, case.index)
        column = "" if case.column is None or pd.isna(case.column) else str(case.column)
        if check in ("missing-column", "unexpected-column"):
            column = str(case.failure_case)
        own.add(spec.name, check, f"Pandera check {case.check} failed", row_id, column, case.failure_case)
    return own.findings, structural


def _check_id(pandera_check: str) -> str:
    if pandera_check.startswith("dtype("):
        return "wrong-dtype"
    name = pandera_check.split("(")[0]
    return _PANDERA_CHECK_IDS.get(name, f"schema-{name}")


def _row_id(df: pd.DataFrame, id_column: str, index) -> str:
    if index is None or (not isinstance(index, str) and pd.isna(index)):
        return ""
    try:
        value = df[id_column].iloc[int(index)]
        return f"{value}" if not pd.isna(value) else f"#{index}"
    except (KeyError, ValueError, IndexError, TypeError):
        return f"#{index}"


def validate(path: str | Path, timings: dict[str, float] | None = None) -> Report:
    """Validate a folder of tables; never raises for bad data, everything goes in the Report.

    `timings`, if given, receives seconds per stage for the benchmarks: reading with Pandera
    (pipelined, one stage), indexing the texts, and each cross check (these run in parallel, so
    their times overlap).
    """
    path = Path(path)
    report = Report(path=str(path))
    if not path.is_dir():
        report.unusable = f"no such folder: {path}"
        return report
    clock = _Stopwatch(timings)
    sound = Corpus(clock.run("read_and_pandera", load_and_check_tables, path, report))
    if "articles" in sound:
        clock.run("index_texts", article_texts, sound)
    # the checks read the tables and write only their own findings: they run side by side
    # (Arrow, numpy and the text scanners release the GIL) and report in CROSS_CHECKS order
    with ThreadPoolExecutor(max_workers=_workers()) as pool:
        # the longest checks (the text scans) start first, so no core idles at the end
        futures = {check: pool.submit(_run_check, check, sound, clock, report.path) for check in LONGEST_FIRST}
        for check in CROSS_CHECKS:
            report.findings.extend(futures[check].result())
    return report


def _workers() -> int:
    """One thread per core: the work is Arrow, numpy and the scanners, which release the GIL."""
    return os.cpu_count() or 1


def _run_check(check, tables, clock, path) -> list:
    own = Report(path=path)
    try:
        clock.run(check.__name__, check, tables, own)
    except Exception as exc:  # a check must never turn bad data into a traceback
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
