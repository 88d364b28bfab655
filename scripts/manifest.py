"""MANIFEST.json of a release: every file's sha256 and size, the tables' rows and columns.

The manifest is what makes a release checkable forever: `verify` re-hashes every file and
reports each difference as a Problem (a value with a stable check id), never a traceback.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq

from landstrikes.errors import ReleaseIntegrityError
from landstrikes.schema.columns import Col
from landstrikes.schema.registry import TABLES_BY_NAME

MANIFEST = "MANIFEST.json"
MANIFEST_FORMAT = 1
_SCALAR_TYPES = {Col("_", name, "").arrow_type: name for name in ("string", "int", "float", "bool")}


@dataclass(frozen=True, order=True)
class Problem:
    """One way a release differs from its manifest: which check, which file, what was found."""

    check: str
    path: str
    message: str


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def logical_type(arrow_type: pyarrow.DataType) -> str:
    """The schema's type name (columns.py) for an Arrow type; Arrow's own name if it has none.

    Lists are matched by value type: Parquet renames the list item field ('element')."""
    if pyarrow.types.is_list(arrow_type) and arrow_type.value_type == pyarrow.string():
        return "string_list"
    return _SCALAR_TYPES.get(arrow_type, str(arrow_type))


def describe_table(name: str, parquet: Path) -> dict:
    """Id column and columns (logical type, nullability, label set) as a release records them.

    Types and nullability come from the file's Arrow schema (what was written); label sets and
    the id column from the table spec (Parquet keeps labels as plain strings).
    """
    spec = TABLES_BY_NAME.get(name)
    schema = pq.read_schema(parquet)
    columns = []
    for field in schema:
        col = spec.column(field.name) if spec and field.name in spec.column_names else None
        columns.append(
            {
                "name": field.name,
                "type": logical_type(field.type),
                "nullable": field.nullable,
                "labels": list(col.labels) if col and col.labels is not None else None,
            }
        )
    return {"id_column": spec.id_column if spec else schema.names[0], "columns": columns}


def table_files(folder: Path) -> dict[str, list[Path]]:
    """table name -> its Parquet files, for every table folder under folder/data, in registry order."""
    data = folder / "data"
    if not data.is_dir():
        return {}
    folders = [d for d in data.iterdir() if d.is_dir() and any(d.glob("*.parquet"))]
    order = list(TABLES_BY_NAME)  # registry order first, then any unknown table by name
    folders.sort(key=lambda d: (order.index(d.name) if d.name in order else len(order), d.name))
    return {d.name: sorted(d.glob("*.parquet")) for d in folders}


def make_manifest(folder: Path, header: dict, raw_dir: Path) -> dict:
    """The manifest of a finished release folder (every file in it, except the manifest)."""
    tables = {}
    rows_by_file = {}
    for name, files in table_files(folder).items():
        rows = 0
        for path in files:
            n = pq.ParquetFile(path).metadata.num_rows
            rows_by_file[path.relative_to(folder).as_posix()] = n
            rows += n
        tables[name] = {"rows": rows, **describe_table(name, files[0])}
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        rel = path.relative_to(folder).as_posix()
        entry = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        if rel in rows_by_file:
            entry["rows"] = rows_by_file[rel]
        files[rel] = entry
    raw = {p.name: sha256_file(p) for p in sorted(raw_dir.glob("*.txt"))}
    return {"manifest_format": MANIFEST_FORMAT, **header, "raw_texts": raw, "tables": tables, "files": files}


def dump_manifest(manifest: dict) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def read_manifest(folder: Path) -> dict:
    """The manifest of a release folder; ReleaseIntegrityError if it is missing or unreadable."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise ReleaseIntegrityError(folder, [Problem("missing-manifest", MANIFEST, f"no {MANIFEST} in {folder}")])
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("tables"), dict):
            raise ValueError("no 'files' or 'tables' object")
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReleaseIntegrityError(folder, [Problem("unreadable-manifest", MANIFEST, str(exc))]) from exc
    return manifest


def verify(folder: Path) -> list[Problem]:
    """Re-hash every file against the manifest; also flag files the manifest does not list."""
    folder = Path(folder)
    try:
        manifest = read_manifest(folder)
    except ReleaseIntegrityError as exc:
        return exc.problems
    problems = []
    for rel, entry in sorted(manifest["files"].items()):
        path = folder / rel
        if not path.is_file():
            problems.append(Problem("missing-file", rel, "listed in the manifest but absent"))
            continue
        size = path.stat().st_size
        if size != entry.get("bytes"):
            problems.append(Problem("size-mismatch", rel, f"{size} bytes, manifest says {entry.get('bytes')}"))
        digest = sha256_file(path)
        if digest != entry.get("sha256"):
            problems.append(Problem("sha256-mismatch", rel, f"sha256 {digest}, manifest says {entry.get('sha256')}"))
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        rel = path.relative_to(folder).as_posix()
        if rel not in manifest["files"]:
            problems.append(Problem("unlisted-file", rel, "in the release folder but not in the manifest"))
    return sorted(problems)


def verified_manifest(folder: Path) -> dict:
    """The manifest, after every file checked out; ReleaseIntegrityError listing what did not."""
    problems = verify(folder)
    if problems:
        raise ReleaseIntegrityError(folder, problems)
    return read_manifest(folder)
