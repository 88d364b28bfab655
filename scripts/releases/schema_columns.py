"""A release's tables against the columns of the schema version its MANIFEST.json states.

The tables section proves the manifest's columns are its first file's; nothing proved they were
the stated schema version's, so a release stating '2.0' whose quotes carried 2.1's speaker
columns, lacked 2.0's event_id or held `start` as floats verified ok once its manifest and
witnesses were restated alike, and a second part file with other columns than the first verified
ok too (then `load` raised pyarrow's multi-line ArrowInvalid). The authority is this package's
registry for its own version and `column_history` for every version released before it
(verify19). Each difference is one `manifest-columns-mismatch` naming the table and column.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow
import pyarrow.parquet as pq

from landstrikes.releases.manifest import Problem

CHECK = "manifest-columns-mismatch"

_Field = tuple[str, pyarrow.DataType, bool]
"""A column as compared: name, Arrow type, nullability."""


def column_problems(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    """The manifest's tables and columns, and every hashed Parquet part's Arrow schema, against
    the stated schema version's (nothing for a version this package cannot state: `header`
    reports it, as unknown or newer)."""
    from landstrikes.releases.manifest_checks import _short

    version = manifest.get("schema_version")
    expected = schema_columns(version)
    if expected is None:
        return []
    problems = []
    for table in sorted(set(manifest["tables"]) - set(expected), key=str):
        problems.append(Problem(CHECK, f"MANIFEST.json#tables.{_short(table)}", f"a table schema {version} does not have"))
    for table in [t for t in expected if t not in manifest["tables"]]:
        problems.append(Problem(CHECK, f"MANIFEST.json#tables.{table}", f"missing: schema {version} has this table"))
    for table, statement in manifest["tables"].items():
        if table not in expected:
            continue
        reported = set()
        stated = [(c["name"], _arrow_type(c["type"]), c["nullable"]) for c in statement["columns"]]
        for column, what in differences(stated, expected[table], version, table):
            reported.add((column, what))
            problems.append(Problem(CHECK, f"MANIFEST.json#tables.{table}.{_short(column)}", what))
        for rel in sorted(r for r in trusted if r.startswith(f"data/{table}/") and r.endswith(".parquet") and r.count("/") == 2):
            try:
                fields = [(f.name, f.type, f.nullable) for f in pq.read_schema(folder / rel)]
            except Exception:
                continue  # not Parquet: reported by tables_section
            problems += [Problem(CHECK, f"{rel}#{_short(column)}", what)
                         for column, what in differences(fields, expected[table], version, table)
                         if (column, what) not in reported]  # the manifest states it alike: said once
    return problems


def schema_columns(version) -> dict[str, list[_Field]] | None:
    """table -> its columns in schema `version`: the registry's for this package's own version,
    `column_history`'s for an older one, None for one this package cannot state."""
    from landstrikes.releases.column_history import COLUMNS_BY_SCHEMA_VERSION
    from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME

    if version == SCHEMA_VERSION:
        return {name: [(c.name, c.arrow_type, c.nullable) for c in spec.columns] for name, spec in TABLES_BY_NAME.items()}
    if version not in COLUMNS_BY_SCHEMA_VERSION:
        return None
    return {name: [(c.name, _arrow_type(c.type), c.nullable) for c in columns]
            for name, columns in COLUMNS_BY_SCHEMA_VERSION[version].items()}


def differences(actual: list[_Field], expected: list[_Field], version: str, table: str) -> list[tuple[str, str]]:
    """(column, what is wrong) for each way `actual` differs from schema `version`'s `table`:
    a column it lacks, one it adds, another type or nullability, then the first column out of
    the schema's order among those both have."""
    from landstrikes.releases.column_history import added_in

    want = {name: (kind, null) for name, kind, null in expected}
    have = {name: (kind, null) for name, kind, null in actual}
    found = []
    for name, kind, null in expected:
        if name not in have:
            found.append((name, f"missing: schema {version}'s {table} table has it ({_described(kind, null)})"))
    for name, kind, null in actual:
        if name not in want:
            since = added_in(table, name)
            later = f"; it came with schema {since}" if since is not None and since != version else ""
            found.append((name, f"a column schema {version}'s {table} table does not have ({_described(kind, null)}{later})"))
            continue
        wanted_kind, wanted_null = want[name]
        wrong = []
        if not kind.equals(wanted_kind):
            wrong.append(f"type {_type_name(kind)}, schema {version}'s is {_type_name(wanted_kind)}")
        if null != wanted_null:
            wrong.append(f"{'nullable' if null else 'not nullable'}, schema {version}'s is {'not' if null else ''}".rstrip())
        if wrong:
            found.append((name, "; ".join(wrong)))
    common = [name for name, _, _ in actual if name in want]
    order = [name for name, _, _ in expected if name in have]
    misplaced = next(((got, wanted) for got, wanted in zip(common, order) if got != wanted), None)
    if misplaced is not None:
        names = [name for name, _, _ in expected]
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        found.append((misplaced[0], f"stands where schema {version} has {misplaced[1]!r} (schema order: {shown})"))
    return found


def _arrow_type(logical: str) -> pyarrow.DataType:
    """The Arrow type of a manifest's column type (manifest_shape admits only the schema's)."""
    from landstrikes.schema.columns import Col

    return Col("_", logical, "").arrow_type


def _type_name(kind: pyarrow.DataType) -> str:
    """'float (Arrow double)': the manifest's name, and Arrow's when it differs."""
    from landstrikes.releases.manifest import logical_type

    logical = logical_type(kind)
    return logical if logical == str(kind) else f"{logical} (Arrow {kind})"


def _described(kind: pyarrow.DataType, nullable: bool) -> str:
    from landstrikes.releases.manifest import logical_type

    return logical_type(kind) + (", nullable" if nullable else "")
