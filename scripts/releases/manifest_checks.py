"""Everything a MANIFEST.json states, checked against the release folder it describes.

A manifest is trusted only as far as something independent confirms it: file hashes against the
bytes, the `tables` section (rows, columns, types, label lists) against the Parquet files and the
release's own dataset card (a hashed file), the header against the folder name and the files'
key-value metadata. Every check returns Problems (values with a stable check id), never raises.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

import pyarrow
import pyarrow.parquet as pq

from landstrikes.releases.hub_card import card_front_matter, loader_side_files
from landstrikes.releases.manifest import Problem
from landstrikes.schema.filestamps import READER_METADATA, reader_metadata
from landstrikes.schema.report import counted
from landstrikes.schema.resources import raise_if_exhausted

MAX_LISTED_FILES = 100_000


def unsafe_paths(folder: Path, listed: list[str]) -> tuple[list[Problem], set[str]]:
    """Listed paths that are absolute, climb out with '..', or resolve outside the release."""
    problems, unsafe = [], set()
    root = folder.resolve()
    for rel in listed:
        pure = PurePosixPath(rel)
        reason = None
        if not rel or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel) or "\\" in rel or "\x00" in rel:
            reason = "is absolute or not a plain relative POSIX path"
        elif any(part in ("..", ".", "") for part in rel.split("/")):
            reason = "has a '..', '.' or empty part"
        else:
            try:
                (root / pure).resolve().relative_to(root)
            except (ValueError, OSError, RuntimeError):
                reason = "resolves outside the release folder"
        if reason:
            problems.append(Problem("path-outside-release", _short(rel), f"manifest path {reason}; not read"))
            unsafe.add(rel)
    return problems, unsafe


def symlinks(folder: Path) -> list[Problem]:
    """Every symbolic link anywhere under the release (a release holds regular files only)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found.append(Problem("symlink-in-release", rel, "a symbolic link; a release holds regular files only"))
                continue
            kind = special_kind(path)
            if kind is not None:  # git cannot store one, a copy (publish) refuses it: never a released file
                found.append(Problem("special-file-in-release", rel, f"{kind}; a release holds regular files only"))
    return found


def unlisted(folder: Path, listed) -> list[Problem]:
    """Entries the manifest does not account for: a regular file it does not list (a second
    MANIFEST.json below the top included), and a folder that holds no listed file and no file at
    all (an empty one, or one of folders only), named at its topmost level. A pinned release is exactly its listed
    files; anything else in it is a change nobody hashed (symlinks and special files are
    reported by `symlinks`)."""
    from landstrikes.releases.manifest import MANIFEST

    holders = {""} | {rel.rsplit("/", 1)[0] if "/" in rel else "" for rel in listed}
    for rel in list(holders):
        while "/" in rel:
            rel = rel.rsplit("/", 1)[0]
            holders.add(rel)
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath).relative_to(folder).as_posix()
        here = "" if here == "." else here
        keep = []
        for name in sorted(dirnames):
            rel = f"{here}/{name}" if here else name
            path = Path(dirpath) / name
            if path.is_symlink() or special_kind(path) is not None:
                continue  # reported by symlinks()
            if rel in holders or _holds_files(path):
                keep.append(name)  # an unlisted file inside is named itself, below
            else:
                found.append(Problem("unlisted-folder", rel, "a folder holding no file at all; "
                                     "a release holds its listed files and their folders only"))
        dirnames[:] = keep
        for name in sorted(filenames):
            rel = f"{here}/{name}" if here else name
            path = Path(dirpath) / name
            if rel == MANIFEST or path.is_symlink() or not path.is_file():
                continue
            if rel not in listed:
                found.append(Problem("unlisted-file", rel, "in the release folder but not in the manifest"))
    return found


def _holds_files(folder: Path) -> bool:
    """Whether anything but folders lies anywhere under folder."""
    return any(filenames or any(os.path.islink(os.path.join(root, d)) for d in dirnames)
               for root, dirnames, filenames in os.walk(folder, followlinks=False))


def special_kind(path: Path) -> str | None:
    """What a path that is neither a folder nor a regular file is (a named pipe, a socket, a
    device), or None; it is judged by lstat, so a symbolic link is not followed."""
    import stat

    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def card_features(folder: Path) -> dict[str, dict[str, tuple[str, ...] | None]] | None:
    """table -> column -> label names (None for a non-label column), from the release's card."""
    meta = card_front_matter(folder)
    if meta is None:
        return None
    out = {}
    infos = meta.get("dataset_info") if isinstance(meta, dict) else None
    for config in infos if isinstance(infos, list) else []:
        if not isinstance(config, dict) or not isinstance(config.get("config_name"), str):
            continue  # (a list or mapping as a name is unhashable: it was an internal error, attack19)
        columns = {}
        features = config.get("features")
        for feature in features if isinstance(features, list) else []:
            if not isinstance(feature, dict) or not isinstance(feature.get("name"), str):
                continue
            label = feature.get("dtype") if isinstance(feature.get("dtype"), dict) else feature
            names = label.get("class_label", {}).get("names") if isinstance(label.get("class_label"), dict) else None
            columns[feature["name"]] = _label_names(names)
        out[config.get("config_name")] = columns
    return out


def _label_names(names) -> tuple | None:
    """A class_label's names in code order; keys that are no integers (`a:`, 5,000 digits) give a
    list no manifest states, so the column is a mismatch, not an internal error (attack19)."""
    if not isinstance(names, dict):
        return None
    try:
        return tuple(names[k] for k in sorted(names, key=int))
    except (ValueError, TypeError):
        return ("(class_label names keyed by no integers)",)


def croissant_label_sets(folder: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(table, column) -> label list, from the release's croissant.json enumeration RecordSets."""
    import json

    try:
        document = json.loads((folder / "croissant.json").read_bytes().decode("utf-8"))
        record_sets = document.get("recordSet", []) if isinstance(document, dict) else []
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return {}
    found = {}
    for rs in record_sets if isinstance(record_sets, list) else []:
        rid = rs.get("@id", "") if isinstance(rs, dict) else ""
        if not (isinstance(rid, str) and rid.startswith("labels-") and isinstance(rs.get("data"), list)):
            continue
        for table in _table_names(rid):
            column = rid[len("labels-") + len(table) + 1:]
            found[(table, column)] = tuple(str(row.get(f"{rid}/label")) for row in rs["data"] if isinstance(row, dict))
    return found


def _table_names(record_set_id: str) -> list[str]:
    """Table names that may prefix a label RecordSet id (`labels-<table>-<column>`)."""
    from landstrikes.schema.registry import TABLES_BY_NAME

    return [name for name in TABLES_BY_NAME if record_set_id.startswith(f"labels-{name}-")]


def decompression_bombs(folder: Path, trusted: set[str]) -> list[Problem]:
    """Hashed Parquet files whose footer declares far more values than their bytes can hold (the
    floor `validate` refuses, schema/tableio.py): a 5 MB articles file of 10^7 repeated rows, its
    manifest entry re-hashed, made verify hold 3.8 GB for 38 s before this check."""
    from landstrikes.schema.tableio import PAGE_HEADERS_UNREAD, bomb_reason, footer_lie

    found = []
    for rel in sorted(r for r in trusted if r.endswith(".parquet")):
        path = folder / rel
        try:
            meta = pq.ParquetFile(path).metadata
        except Exception:
            continue  # not Parquet: reported by tables_section
        lie = footer_lie(meta)
        if lie is not None:  # either count could be the one a reader decodes
            found.append(Problem("decompression-bomb", rel, f"{lie}; not read"))
            continue
        try:
            reason = bomb_reason(path, path.stat().st_size, meta)
        except Exception:
            continue  # pages that do not decode: footer_statistics reports them
        if reason == PAGE_HEADERS_UNREAD:
            continue  # `decoded` refuses to decode it (undecodable-table), when its table is read (attack68)
        if reason is not None:
            found.append(Problem("decompression-bomb", rel, f"{reason}; not read"))
    return found


def footer_statistics(folder: Path, trusted: set[str], manifest: dict | None = None) -> list[Problem]:
    """Hashed Parquet files whose footer's column statistics misstate their values (the check
    `validate` makes, schema/footer_statistics.py), or whose pages do not decode. A footer is bytes
    like any other, so a manifest and witnesses regenerated over an edited footer hash it as
    released; every value still decodes as before, but a reader that filters (`load` then
    `.filter`, `pd.read_parquet(filters=...)`) skips the row groups the lie excludes (attack13:
    verify said ok). Edited pages under a parsable footer passed the same way, and `load` then
    failed inside the decoder. With `manifest`, each decoded table's labelled columns are checked
    against the manifest's label lists too (`label-value-unlisted`, attack16), on the same decode."""
    found = []
    for rel in sorted(r for r in trusted if r.endswith(".parquet")):
        table, problem = decoded(rel, folder / rel)
        if problem is None and table is not None and manifest is not None:
            problem = unlisted_label_of(rel, table, manifest)
        if problem is not None:
            found.append(problem)
    return found


def unlisted_label_of(rel: str, table: pyarrow.Table, manifest: dict) -> Problem | None:
    """label_values.unlisted_label for the file `data/<table>/<file>.parquet`, by its table's manifest columns."""
    from landstrikes.releases.label_values import unlisted_label

    parts = rel.split("/")
    described = manifest.get("tables", {}).get(parts[1]) if len(parts) == 3 else None
    columns = described.get("columns") if isinstance(described, dict) else None
    if not isinstance(columns, list):
        return None
    return unlisted_label(rel, table, [c for c in columns if isinstance(c, dict)])


def decoded(rel: str, source) -> tuple[pyarrow.Table | None, Problem | None]:
    """The table a hashed Parquet file (a path or a buffer of its bytes) decodes to, decoded once,
    and what the decoding shows: pages that do not decode (`undecodable-table`, no table) or a
    footer whose statistics misstate the values, or whose key-value list and stored Arrow schema
    state different metadata (`footer-statistics-mismatch`). (None, None) for
    bytes with no Parquet footer: `tables_section` reports those. `load` checks the table it
    returns on the very table it returns."""
    from landstrikes.schema.footer_statistics import metadata_views_differ, statistics_lie
    from landstrikes.schema.page_headers import chunk_pages
    from landstrikes.schema.stated_statistics import hidden_statistics
    from landstrikes.schema.tableio import unused_undecodable_entry

    try:
        handle = pq.ParquetFile(source)
    except Exception as error:
        raise_if_exhausted(error, rel)  # the process's failure is no fault of the release (attack24)
        return None, None
    if chunk_pages(source if isinstance(source, str | Path) else _all_bytes(source), handle.metadata) is None:
        handle.close()  # nothing bounds what such pages decode to: never decoded (attack68)
        return None, Problem("undecodable-table", rel, "its page headers cannot be read as Arrow's Thrift reader reads "
                             "them, so nothing bounds what its pages decode to; not read")
    try:
        with handle:
            table = handle.read()
            # metadata that says one thing to the footer's readers and another to Arrow's: verify read
            # the stored schema's entries, load the footer's (attack62)
            lie = (metadata_views_differ(handle.metadata, handle.schema_arrow) or statistics_lie(handle.metadata, table)
                   or hidden_statistics(source, handle.metadata, table) or unused_undecodable_entry(source, handle.metadata, table))
    except Exception as error:
        raise_if_exhausted(error, rel)
        reason = " ".join(str(error).split())[:200] or type(error).__name__
        return None, Problem("undecodable-table", rel, f"its footer parses but its pages do not decode ({reason})")
    return table, None if lie is None else Problem("footer-statistics-mismatch", rel, lie)


def _all_bytes(handle) -> bytes:
    """Every byte of an open file (a BufferReader over the bytes `load` verified)."""
    handle.seek(0)
    return bytes(handle.read())


def files_of_tables(listed, tables) -> set[str]:
    """The listed paths that are Parquet parts `data/<table>/<file>.parquet` of the named tables."""
    return {rel for rel in listed if rel.endswith(".parquet") and len(parts := rel.split("/")) == 3
            and parts[0] == "data" and parts[1] in tables}


def tables_section(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    """The `tables` section against the files: rows, column names, types, nullability, labels.

    `trusted` holds the listed files whose bytes matched their sha256; only those are parsed.
    """
    from landstrikes.releases.manifest import describe_columns
    from landstrikes.schema.tableio import footer_rows

    problems = []
    card = card_features(folder)
    croissant = croissant_label_sets(folder) if "croissant.json" in trusted else {}
    by_table: dict[str, list[str]] = {}
    for rel in manifest["files"]:
        parts = rel.split("/")
        if len(parts) == 3 and parts[0] == "data" and rel.endswith(".parquet"):
            by_table.setdefault(parts[1], []).append(rel)
        elif len(parts) > 3 and parts[0] == "data" and rel.lower().endswith((".parquet", ".parq")):
            problems.append(Problem("manifest-tables-mismatch", _short(rel),
                                    "Parquet data below a table folder: a reader of the folder takes its rows, "
                                    "the tables section does not count them"))
    for name in sorted(set(by_table) - set(manifest["tables"])):
        problems.append(Problem("manifest-tables-mismatch", f"data/{name}", "a table folder the `tables` section omits"))
    for name, stated in manifest["tables"].items():
        where = f"MANIFEST.json#tables.{name}"
        files = sorted(by_table.get(name, []))
        if not files:
            problems.append(Problem("manifest-tables-mismatch", where, "no listed Parquet file for this table"))
            continue
        if any(rel not in trusted for rel in files):
            continue  # hash problems are already reported; do not parse untrusted bytes
        try:
            rows = sum(footer_rows(pq.ParquetFile(folder / rel).metadata) for rel in files)
            columns = describe_columns(pq.read_schema(folder / files[0]))
        except Exception as exc:  # a hashed file that still is no Parquet: report, never raise
            raise_if_exhausted(exc, files[0])
            problems.append(Problem("manifest-tables-mismatch", files[0], f"not readable as Parquet ({_short(str(exc))})"))
            continue
        if stated["rows"] != rows:
            problems.append(Problem("manifest-tables-mismatch", where, f"says {counted(stated['rows'], 'row')}, the files hold {rows}"))
        for rel in files:
            entry_rows = manifest["files"][rel].get("rows")
            actual = footer_rows(pq.ParquetFile(folder / rel).metadata)
            if entry_rows is not None and entry_rows != actual:
                problems.append(Problem("manifest-tables-mismatch", rel, f"says {counted(entry_rows, 'row')}, the file holds {actual}"))
        shown = [(c["name"], c["type"], c["nullable"]) for c in stated["columns"]]
        actual_cols = [(c["name"], c["type"], c["nullable"]) for c in columns]
        if shown != actual_cols:
            problems.append(Problem("manifest-tables-mismatch", where, "columns (names, types, nullability) differ from the file's schema"))
        witness = (card or {}).get(name)
        for column in stated["columns"]:
            labels = tuple(column["labels"]) if column["labels"] is not None else None
            if witness is not None and column["name"] in witness and witness[column["name"]] != labels:
                problems.append(Problem("manifest-labels-mismatch", f"{where}.{column['name']}",
                                        "label list differs from the release's dataset card (ClassLabel codes would be remapped)"))
            elif (name, column["name"]) in croissant and croissant[(name, column["name"])] != labels:
                problems.append(Problem("manifest-labels-mismatch", f"{where}.{column['name']}",
                                        "label list differs from the release's croissant.json"))
            elif (expected := _registry_labels(manifest, name, column["name"])) is not _UNKNOWN and expected != labels:
                # the witnesses may agree with a forged list: the schema's own list is the authority
                problems.append(Problem("manifest-labels-mismatch", f"{where}.{column['name']}",
                                        f"label list differs from schema {manifest['schema_version']}'s "
                                        f"({', '.join(expected or ()) or 'no labels'}; the order gives the ClassLabel codes)"))
    return problems


_UNKNOWN = object()
"""A label list this package cannot state: another schema version's, or a table or column it lacks."""


def _registry_labels(manifest: dict, table: str, column: str):
    """The label list (order included: it numbers the ClassLabel codes) of the schema version the
    release states: this package's registry for its own version, `label_history` for every
    version released before it (a forged release stating an older version was judged against
    nothing, review17); None for a column without labels; `_UNKNOWN` for a version this package
    cannot state (a newer one, or one `header` refuses)."""
    from landstrikes.releases.label_history import LABELS_BY_SCHEMA_VERSION
    from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME

    version = manifest.get("schema_version")
    if version == SCHEMA_VERSION:
        spec = TABLES_BY_NAME.get(table)
        if spec is None or column not in spec.column_names:
            return _UNKNOWN
        return spec.column(column).labels
    if version not in LABELS_BY_SCHEMA_VERSION:
        return _UNKNOWN
    return LABELS_BY_SCHEMA_VERSION[version].get(table, {}).get(column)


SCHEMA_NEWER = "schema-version-newer"
"""The check id of a release whose schema version is newer than this package's: not a defect
found, but one this package cannot rule out (`verify` exits 2 when it is the only finding)."""


def schema_version_problems(manifest: dict) -> list[Problem]:
    """A release states a schema version this package released. A newer one (made by a newer
    package) has columns and label lists this package cannot know, so nothing here could judge
    them: `schema-version-newer`, never a silent pass (verify19; review18 found it judged against
    no list). Any other ('1.5', '2.1 ', '0.9') names no schema: `manifest-header-mismatch`."""
    from landstrikes.releases.label_history import LABELS_BY_SCHEMA_VERSION
    from landstrikes.releases.semver import parse_schema_version
    from landstrikes.schema.registry import SCHEMA_VERSION

    version = manifest.get("schema_version")
    if not isinstance(version, str) or version == SCHEMA_VERSION or version in LABELS_BY_SCHEMA_VERSION:
        return []
    stated = parse_schema_version(version)
    if stated is not None and stated > parse_schema_version(SCHEMA_VERSION):
        return [Problem(SCHEMA_NEWER, "MANIFEST.json#schema_version", f"states schema {version}, newer than this "
                        f"package's {SCHEMA_VERSION}: its columns and label lists are unknown here, so its tables "
                        "cannot be vouched for (upgrade landstrikes to verify it)")]
    known = ", ".join(sorted({*LABELS_BY_SCHEMA_VERSION, SCHEMA_VERSION}, key=parse_schema_version))
    return [Problem("manifest-header-mismatch", "MANIFEST.json#schema_version",
                    f"says {_short(version)!r}, a schema version this package never had (known: {known}; a newer "
                    "one would be X.Y above the latest)")]


def header(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    """Header facts: the version is the folder's name; the files carry the stated versions."""
    from landstrikes.schema.tableio import METADATA_PREFIX
    from landstrikes.releases.semver import parse_version

    problems = schema_version_problems(manifest)
    version = manifest["dataset_version"]
    if parse_version(folder.name) is not None and folder.name != version:
        problems.append(Problem("manifest-header-mismatch", "MANIFEST.json#dataset_version",
                                f"says {_short(version)}, the folder is {folder.name}"))
    for rel in sorted(trusted):
        if not rel.endswith(".parquet"):
            continue
        try:
            meta = pq.read_schema(folder / rel).metadata or {}
        except Exception:
            continue  # reported by tables_section
        meta = {k.decode("utf-8", "replace"): v.decode("utf-8", "replace") for k, v in meta.items()}
        for name in reader_metadata(meta):  # validate's unexpected-metadata, for a release's files too (attack19, eco39)
            problems.append(Problem("unexpected-metadata", rel, f"carries a {name!r} schema entry: {READER_METADATA[name]} "
                                    "(a forged pandas entry hid quote_id as the index); release writes none"))
        for key in ("dataset_version", "schema_version"):
            stamped = meta.get(METADATA_PREFIX + key)
            if stamped is not None and stamped != manifest[key]:
                problems.append(Problem("manifest-header-mismatch", rel,
                                        f"file stamped {key} {_short(stamped)}, manifest says {_short(manifest[key])}"))
    return problems


def _short(text: str, limit: int = 80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} chars)"


def statements(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    """The rest of what a manifest states, against what can confirm it: `raw_texts` against the
    articles table's (source_file, sha256) columns, each `id_column` against the schema's, and
    `bump` against the step from `previous_release` to this version. Without these checks a
    tampered manifest could misname the raw texts or the bump and still pass."""
    return (_raw_texts(folder, manifest, trusted) + _id_columns(manifest) + _bump(manifest) + _previous(folder, manifest)
            + witnesses(folder, manifest, trusted))


def witnesses(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    """What the release's other hashed files state about its tables, against the manifest:
    croissant.json's sha256 of each Parquet file and the card's row count per table. A table
    swapped and re-hashed in the manifest alone still disagrees with these two witnesses. The
    card's `configs`, which load_dataset follows, name each table's own files (card_configs)."""
    problems = [Problem("witness-mismatch", name, "absent from the release: every release states its files' sha256 "
                        "(croissant.json) and row counts (README.md) there, so a re-hashed file goes unnoticed without it")
                for name in ("croissant.json", "README.md") if name not in manifest["files"]]
    if "croissant.json" in trusted:
        import json

        from landstrikes.strictjson import unique_keys

        try:
            document = json.loads((folder / "croissant.json").read_bytes().decode("utf-8"), object_pairs_hook=unique_keys)
            reason = None if isinstance(document, dict) else "is not a JSON object"
        except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
            document, reason = None, f"cannot be read as JSON ({_short(str(exc), 80)})"
        if reason is not None:  # attack14: an unreadable witness witnessed nothing, and verify said ok
            problems.append(Problem("witness-mismatch", "croissant.json", f"{reason}: it must state the sha256 of "
                                    "every Parquet file of the release"))
        from landstrikes.releases.croissant_fields import record_set_problems
        from landstrikes.releases.croissant_header import header_problems

        problems += header_problems(document, manifest) + record_set_problems(document, manifest)
        objects = document.get("distribution") if isinstance(document, dict) else None
        stated = set()
        for obj in objects if isinstance(objects, list) else []:
            url, digest = (obj.get("contentUrl"), obj.get("sha256")) if isinstance(obj, dict) else (None, None)
            if not (isinstance(url, str) and isinstance(digest, str)):
                continue
            stated.add(url)
            entry = manifest["files"].get(url)
            if entry is None:
                problems.append(Problem("witness-mismatch", _short(url), "croissant.json lists a file the manifest does not"))
            elif entry["sha256"] != digest:
                problems.append(Problem("witness-mismatch", _short(url),
                                        f"croissant.json states sha256 {digest[:16]}…, the manifest {entry['sha256'][:16]}…"))
        if document is not None:
            problems += [Problem("witness-mismatch", _short(rel), "croissant.json does not state its sha256")
                         for rel in sorted(manifest["files"]) if rel.endswith(".parquet") and rel not in stated]
    problems += loader_side_files(manifest["files"])
    if "README.md" in trusted:
        from landstrikes.releases.card_configs import config_problems
        from landstrikes.releases.card_dtypes import feature_problems

        meta = card_front_matter(folder)
        problems += config_problems(meta, manifest) + feature_problems(meta, manifest)
        counts = card_row_counts(folder)
        problems += [Problem("witness-mismatch", f"README.md#{_short(str(name))}", f"the dataset card states no row count "
                             f"for the table (the manifest: {table['rows']})")
                     for name, table in manifest["tables"].items()
                     if isinstance(table, dict) and table.get("rows") and name not in counts]
        for name, rows in counts.items():
            table = manifest["tables"].get(name)
            if table is not None and table["rows"] != rows:
                problems.append(Problem("witness-mismatch", f"README.md#{_short(str(name))}",
                                        f"the dataset card states {counted(rows, 'row')}, the manifest {table['rows']}"))
    return problems


def card_row_counts(folder: Path) -> dict:
    """table -> num_examples of its split, from the release's dataset card (empty if unreadable)."""
    meta = card_front_matter(folder)
    counts = {}
    infos = meta.get("dataset_info") if isinstance(meta, dict) else None
    for config in infos if isinstance(infos, list) else []:
        splits = config.get("splits") if isinstance(config, dict) and isinstance(config.get("config_name"), str) else None
        for split in splits if isinstance(splits, list) else []:
            if isinstance(split, dict) and isinstance(split.get("num_examples"), int):
                counts[config.get("config_name")] = split["num_examples"]
    return counts


def _raw_texts(folder: Path, manifest: dict, trusted: set[str]) -> list[Problem]:
    files = sorted(rel for rel in manifest["files"] if rel.startswith("data/articles/") and rel.endswith(".parquet"))
    if "raw_texts" not in manifest or not files or any(rel not in trusted for rel in files):
        return []  # no statement, or hash problems already reported: parse nothing untrusted
    stated = manifest["raw_texts"]
    try:
        actual = {}
        for rel in files:
            # ParquetFile, not pq.read_table: its dataset API imports pandas, which verify never needs
            with pq.ParquetFile(folder / rel) as handle:
                table = handle.read(columns=["source_file", "sha256"]).to_pydict()
            actual.update(zip(table["source_file"], table["sha256"]))
    except Exception as exc:  # a hashed file that still is no articles table: report, never raise
        raise_if_exhausted(exc, files[0])
        return [Problem("manifest-raw-texts-mismatch", files[0], f"source_file and sha256 unreadable ({_short(str(exc))})")]
    problems = []
    for name in sorted(set(stated) | set(actual), key=str):
        if stated.get(name) != actual.get(name):
            what = ("not an article of the release" if name not in actual else
                    "an article the manifest omits" if name not in stated else
                    "sha256 differs from the articles table's")
            problems.append(Problem("manifest-raw-texts-mismatch", f"MANIFEST.json#raw_texts.{_short(str(name))}", what))
    return problems


def _id_columns(manifest: dict) -> list[Problem]:
    from landstrikes.schema.registry import TABLES_BY_NAME

    problems = []
    for name, table in manifest["tables"].items():
        spec = TABLES_BY_NAME.get(name)
        names = [c["name"] for c in table["columns"]]
        stated = table.get("id_column")
        want = spec.id_column if spec is not None and spec.id_column in names else None
        if stated not in names or (want is not None and stated != want):
            problems.append(Problem("manifest-tables-mismatch", f"MANIFEST.json#tables.{_short(name)}.id_column",
                                    f"says {_short(str(stated))!r}, the table's id column is {want or names[0]!r}"))
    return problems


def _bump(manifest: dict) -> list[Problem]:
    from landstrikes.releases.semver import LEVELS, at_least, bump_level, parse_version

    if "bump" not in manifest:
        return []
    where = "MANIFEST.json#bump"
    version, previous = parse_version(manifest["dataset_version"]), manifest.get("previous_release")
    if previous is None:
        want = "initial"
    else:
        before = parse_version(previous)
        want = bump_level(before, version) if before is not None and version is not None else None
        if want is None:
            return [Problem("manifest-header-mismatch", "MANIFEST.json#previous_release",
                            f"{_short(str(previous))!r} is not a version before {_short(manifest['dataset_version'])}")]
    problems = []
    if manifest["bump"] != want:
        problems.append(Problem("manifest-header-mismatch", where, f"says {_short(str(manifest['bump']))!r}, "
                                f"the step from {previous} to {manifest['dataset_version']} is {want!r}"))
    required = manifest.get("required_bump")
    if want in LEVELS and required is not None and (required not in LEVELS or not at_least(want, required)):
        problems.append(Problem("manifest-header-mismatch", "MANIFEST.json#required_bump",
                                f"says {_short(str(required))!r}, more than the {want!r} step taken"))
    return problems


def _previous(folder: Path, manifest: dict) -> list[Problem]:
    """The releases beside this one contradict its `previous_release` only when one of them lies
    between the stated previous release and this one (or below a release stating it is the first):
    a release published in that gap, or a forged folder. A release missing from the folder proves
    nothing: a project keeps the releases it pinned, its old pin beside the new one (eco64: an
    intact, pinned 2.35.2 beside 2.12.0 alone had failed verification)."""
    from landstrikes.releases.semver import folder_version, parse_version

    version = parse_version(folder.name)
    if version is None or "previous_release" not in manifest:
        return []
    try:
        below = [v for v in (folder_version(d.name) for d in folder.parent.iterdir() if d.is_dir()) if v is not None and v < version]
    except OSError:
        return []
    stated = manifest["previous_release"]
    floor = parse_version(stated) if isinstance(stated, str) else None
    if isinstance(stated, str) and floor is None:
        return []  # not X.Y.Z: manifest_shape's malformed-manifest
    between = [v for v in below if floor is None or v > floor]
    if between:
        where = f"between it and {folder.name}" if floor is not None else f"below {folder.name}, the first release it claims to be"
        return [Problem("manifest-header-mismatch", "MANIFEST.json#previous_release",
                        f"says {_short(str(stated))!r}, but release {max(between)} here lies {where}")]
    return []
