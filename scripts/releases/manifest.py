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

from landstrikes.errors import ReleaseIntegrityError, counted
from landstrikes.safety.regularfile import NotARegularFile, open_regular
from landstrikes.schema.columns import Col
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.tableio import footer_rows
from landstrikes.schema.tableio import table_files as part_files
from landstrikes.strictjson import unique_keys

MANIFEST = "MANIFEST.json"
MANIFEST_FORMAT = 1
_SCALAR_TYPES = {Col("_", name, "").arrow_type: name for name in ("string", "int", "float", "bool")}
LOGICAL_TYPES = (*_SCALAR_TYPES.values(), "string_list")
"""Every column type `describe_columns` writes for a schema table: a manifest stating another has
no `load` typing (manifest_shape refuses it)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One way a release differs from its manifest: which check, which file, what was found."""

    check: str
    path: str
    message: str


def listed_bytes(path: Path, listed: int, hash_rest: bool = True) -> tuple[bytes | None, int, str]:
    """A listed file read once, as (its bytes, size, sha256): whoever hashes them and then parses
    them (`validate`, `load` and `diff` of a release) parses the very bytes that were hashed (eco40,
    attack42). A file longer than the `listed` bytes its manifest gives is never held whole (bytes
    None; attack43): with `hash_rest` it is hashed on to its end in the same read (its size and
    digest reported as verify reports them), else read no further (size `listed + 1`, digest of
    what was read), for a reader that refuses it anyway."""
    with open_regular(Path(path)) as handle:
        data = handle.read(listed + 1)
        digest = hashlib.sha256(data)
        if len(data) <= listed:
            return data, len(data), digest.hexdigest()
        size = len(data)
        for block in iter(lambda: handle.read(1 << 20), b"") if hash_rest else ():
            digest.update(block)
            size += len(block)
        return None, size, digest.hexdigest()


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
    if arrow_type in _SCALAR_TYPES:
        return _SCALAR_TYPES[arrow_type]
    name = str(arrow_type)
    if name in LOGICAL_TYPES:  # Arrow calls float32 "float", the schema's name for float64 (attack42)
        name += str(getattr(arrow_type, "bit_width", "")) or f" ({arrow_type!r})"
    return name


def describe_columns(schema: pyarrow.Schema, spec=None) -> list[dict]:
    """Columns as a release records them: logical type and nullability from the file's Arrow
    schema, label sets from the table spec (Parquet keeps labels as plain strings)."""
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
    return columns


def describe_table(name: str, parquet: Path) -> dict:
    """Id column and columns (logical type, nullability, label set) as a release records them."""
    spec = TABLES_BY_NAME.get(name)
    schema = pq.read_schema(parquet)
    return {"id_column": spec.id_column if spec else schema.names[0], "columns": describe_columns(schema, spec)}


def table_files(folder: Path) -> dict[str, list[Path]]:
    """table name -> its Parquet files, for every table folder under folder/data, in registry order.

    The parts are validate's (`tableio.table_files`): a hidden `._quotes.parquet` that a macOS
    copy leaves is no part, so `diff` no longer described a table by it (attack19)."""
    return table_files_below(folder / "data")


def table_files_below(data: Path) -> dict[str, list[Path]]:
    """`table_files` of the folder that holds the table folders (a data/ folder)."""
    if not data.is_dir():
        return {}
    parts = {d.name: files for d in data.iterdir() if d.is_dir() and (files := part_files(d))}
    order = list(TABLES_BY_NAME)  # registry order first, then any unknown table by name
    return dict(sorted(parts.items(), key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[0])))


def make_manifest(folder: Path, header: dict, raw_dir: Path) -> dict:
    """The manifest of a finished release folder (every file in it, except the manifest)."""
    tables = {}
    rows_by_file = {}
    for name, files in table_files(folder).items():
        rows = 0
        for path in files:
            n = footer_rows(pq.ParquetFile(path).metadata)
            rows_by_file[path.relative_to(folder).as_posix()] = n
            rows += n
        tables[name] = {"rows": rows, **describe_table(name, files[0])}
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        if rel == MANIFEST:
            continue
        entry = {"sha256": sha256_file(path), "bytes": path.stat().st_size}
        if rel in rows_by_file:
            entry["rows"] = rows_by_file[rel]
        files[rel] = entry
    raw = {p.name: sha256_file(p) for p in sorted(raw_dir.glob("*.txt"))}
    return {"manifest_format": MANIFEST_FORMAT, **header, "raw_texts": raw, "tables": tables, "files": files}


def dump_manifest(manifest: dict) -> str:
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


MAX_MANIFEST_BYTES = 64 << 20
"""A manifest larger than this is refused before parsing (1.0.0's is 30 KB)."""


def read_manifest(folder: Path) -> dict:
    """The manifest of a release folder, its shape checked; ReleaseIntegrityError otherwise."""
    return parse_manifest(folder, manifest_bytes(folder))


def _copy_of_tables(folder: Path) -> str:
    """What reads a folder of tables that holds no manifest (an edited copy of data/, a dataset/ folder):
    said where a release was expected of it (newuser48: `load` and `verify` had said only that the
    manifest is missing)."""
    holder = folder / "data" if (folder / "data").is_dir() else folder
    if not any((holder / name).is_dir() for name in TABLES_BY_NAME):
        return ""
    return ("; a copy of tables is no release: `landstrikes validate` judges it, pandas or datasets read it "
            "(README, 'Your own edited copy')")


def manifest_bytes(folder: Path) -> bytes:
    """MANIFEST.json's bytes, read once (a regular file of at most MAX_MANIFEST_BYTES);
    ReleaseIntegrityError otherwise. Whoever checks a digest parses these very bytes: a manifest
    read twice could be swapped between the hashing and the parsing."""
    path = Path(folder) / MANIFEST
    if path.is_symlink() or not path.is_file():
        what = "a symbolic link" if path.is_symlink() else f"no {MANIFEST} in {folder}{_copy_of_tables(Path(folder))}"
        raise ReleaseIntegrityError(folder, [Problem("missing-manifest", MANIFEST, what)])
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ValueError(f"{path.stat().st_size} bytes, more than the {MAX_MANIFEST_BYTES} a manifest may have")
        data = path.read_bytes()
        if len(data) > MAX_MANIFEST_BYTES:  # grown since the stat
            raise ValueError(f"more than the {MAX_MANIFEST_BYTES} bytes a manifest may have")
        return data
    except (ValueError, OSError) as exc:
        raise ReleaseIntegrityError(folder, [Problem("unreadable-manifest", MANIFEST, _short(str(exc)))]) from None


def parse_manifest(folder: Path, data: bytes) -> dict:
    """The manifest in `data` (MANIFEST.json's bytes), its shape checked; ReleaseIntegrityError otherwise."""
    from landstrikes.releases.manifest_shape import shape_problems

    try:
        manifest = json.loads(data.decode("utf-8"), object_pairs_hook=unique_keys)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ReleaseIntegrityError(folder, [Problem("unreadable-manifest", MANIFEST, _short(str(exc)))]) from None
    problems = shape_problems(manifest)
    if problems:
        raise ReleaseIntegrityError(folder, problems)
    return manifest


def verify(folder: Path, pinned: str | None = None) -> list[Problem]:
    """Everything the manifest states, checked: every file re-hashed, no unlisted file, no symlink,
    no path outside the release, and the `tables` section and header checked against the files.

    The checks prove the files agree with the manifest, not that the manifest is the one that was
    released: a forger who rewrites a table, the manifest and its witnesses together passes them.
    `pinned`, the sha256 of MANIFEST.json as published with the release (CHANGELOG, README, the
    user's own CI), is the anchor from outside: the manifest names every file's digest, so a
    matching manifest pins every byte (`manifest-digest-mismatch` otherwise)."""
    return checked(folder, pinned).problems


@dataclass(frozen=True)
class Checked:
    """What `verify` found, with the manifest it checked and that manifest's sha256: parsed from
    the one read of MANIFEST.json that was hashed (None when it could not be read or parsed)."""

    problems: list[Problem]
    manifest: dict | None
    digest: str | None


def checked(folder: Path, pinned: str | None = None, decode=None, keep: dict[str, bytes] | None = None) -> Checked:
    """`verify`, keeping the manifest and the digest of the bytes it checked (see Checked).

    `decode` names the tables whose files are decoded to check their pages and footer statistics
    (None: every table, as `verify` does); every file is hashed and every footer read whatever it
    names. `load` names none and checks the one table it decodes itself. `keep`, if given, gets
    the bytes of every listed file that was read, as they were hashed (path -> bytes): `validate`
    parses a release's tables from them, not from a second read (eco40)."""
    from landstrikes.releases import manifest_checks
    from landstrikes.releases.part_names import stray_table_files
    from landstrikes.releases.release_files import foreign_files
    from landstrikes.releases.schema_columns import column_problems

    folder = Path(folder)
    if not folder.is_dir():
        return Checked([Problem("missing-release", str(folder), "not a folder")], None, None)
    problems = []
    if folder.is_symlink():  # the release's contents would live, and could change, elsewhere
        problems.append(Problem("symlink-in-release", folder.name, "the release folder itself is a symbolic link"))
    digest = None
    try:
        data = manifest_bytes(folder)
        problems += manifest_checks.symlinks(folder)  # not before: `verify ~` walked a whole home for nothing (attack20)
        digest = hashlib.sha256(data).hexdigest()
        if pinned is not None and digest != pinned.lower():
            problems.append(Problem("manifest-digest-mismatch", MANIFEST,
                                    f"sha256 {digest}, pinned {pinned}: this is not the release that was pinned"))
        manifest = parse_manifest(folder, data)
    except ReleaseIntegrityError as exc:
        return Checked(sorted(set(problems + exc.problems)), None, digest)
    unsafe_problems, unsafe = manifest_checks.unsafe_paths(folder, list(manifest["files"]))
    problems += unsafe_problems
    trusted = set()
    for rel, entry in sorted(manifest["files"].items()):
        if rel in unsafe:
            continue
        path = folder / rel
        if path.is_symlink() or manifest_checks.special_kind(path) is not None:
            continue  # reported by symlinks()
        if not path.is_file():
            problems.append(Problem("missing-file", rel, "listed in the manifest but absent"))
            continue
        if keep is None:
            size, file_digest = path.stat().st_size, sha256_file(path)
        else:
            try:
                data, size, file_digest = listed_bytes(path, entry["bytes"])
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):  # gone since listed
                problems.append(Problem("missing-file", rel, "listed in the manifest but absent"))
                continue
            except NotARegularFile:  # a FIFO or device put there since it was listed
                problems.append(Problem("special-file-in-release", rel, "not a regular file"))
                continue
            if data is not None:  # longer than listed: hashed in its one read, never kept
                keep[rel] = data
        if size != entry["bytes"]:
            problems.append(Problem("size-mismatch", rel, f"{counted(size, 'byte')}, manifest says {entry['bytes']}"))
        if file_digest != entry["sha256"]:
            edited = ("; to validate a table you edited, copy the release's data/ folder out of the release and "
                      "validate the copy, without --pin (README, 'Your own edited copy')") if rel.startswith("data/") else ""
            problems.append(Problem("sha256-mismatch", rel, f"sha256 {file_digest}, manifest says {entry['sha256']}{edited}"))
        elif size == entry["bytes"]:
            trusted.add(rel)
    bombs = manifest_checks.decompression_bombs(folder, trusted)
    problems += bombs
    trusted -= {p.path for p in bombs}  # never parsed: reading one would take gigabytes and minutes
    decoded = trusted if decode is None else manifest_checks.files_of_tables(trusted, decode)
    problems += manifest_checks.footer_statistics(folder, decoded, manifest)
    problems += manifest_checks.unlisted(folder, manifest["files"])
    problems += stray_table_files(manifest["files"])
    problems += foreign_files(manifest["files"])
    problems += manifest_checks.tables_section(folder, manifest, trusted)
    problems += column_problems(folder, manifest, trusted)
    problems += manifest_checks.header(folder, manifest, trusted)
    problems += manifest_checks.statements(folder, manifest, trusted)
    return Checked(sorted(set(problems)), manifest, digest)


def manifest_sha256(folder: Path) -> str | None:
    """The sha256 of a release's MANIFEST.json bytes (None without a readable regular file): the
    digest to publish with a release and to pin (`verify --pin`, `load(..., pin=...)`)."""
    path = Path(folder) / MANIFEST
    if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def verified_manifest(folder: Path, pinned: str | None = None, decode=None) -> dict:
    """The manifest, after every statement in it checked out; ReleaseIntegrityError listing what
    did not. `decode` as for `checked`."""
    from landstrikes.errors import ReleaseSchemaNewer
    from landstrikes.releases.manifest_checks import SCHEMA_NEWER

    result = checked(folder, pinned, decode)
    if result.problems and all(p.check == SCHEMA_NEWER for p in result.problems):
        raise ReleaseSchemaNewer(folder, result.problems)  # not forged: unknowable here
    if result.problems:
        raise ReleaseIntegrityError(folder, result.problems)
    return result.manifest  # the bytes that were hashed and checked, not a second read


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
