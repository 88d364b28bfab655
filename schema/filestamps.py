"""What the files of a table folder say about themselves, and what lies beside them.

Each Parquet part is stamped with its table and the dataset version (key-value metadata). A part
stamped for another table, or parts of one folder carrying different dataset versions, are data
from elsewhere that the checks would vouch for. Files in a table folder that are not parts are
invisible to `validate`, but `pandas.read_parquet(folder)` (Arrow's dataset reader, the README's
recipe) reads every file and subfolder not starting with '.' or '_': they would be rows nobody
checked.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from landstrikes.schema.tableio import table_files
from landstrikes.schema.versions import is_version

def check_stamps(stamps: dict[str, list[tuple[Path, dict[str, str]]]], add) -> None:
    """`stamps`: table name -> (part, its landstrikes metadata) for every part read; `add` is
    Report.add(table, check, message, row_id, column, value)."""
    # parts stamped with no dataset version at all state nothing (the report says so); one unstamped part
    # among stamped ones is data from elsewhere, as one stamped with another version is
    versions = Counter(meta["dataset_version"] for parts in stamps.values() for _, meta in parts if "dataset_version" in meta)
    common = versions.most_common(1)[0][0] if versions else None
    for table, parts in stamps.items():
        for part, meta in parts:
            check_stamp_values(table, part, meta, add)
            stamped = meta.get("table")
            if stamped is not None and stamped != table:
                add(table, "table-stamp-mismatch", f"{part.name} is stamped as table {stamped[:80]!r}, not {table!r}",
                    value=stamped[:80])
            version = meta.get("dataset_version")
            if len(versions) > 1 and version is not None and version != common:
                add(table, "dataset-version-mismatch",
                    f"{part.name} carries dataset version {str(version)[:40]!r}, the other files {str(common)[:40]!r}",
                    value=str(version)[:40])
            elif versions and version is None:  # a stamp removed hides data from elsewhere as well as another one
                add(table, "dataset-version-mismatch",
                    f"{part.name} carries no dataset version, the other files {str(common)[:40]!r}")


STAMP_VALUES = {
    "dataset_version": ("X.Y.Z (README, 'Versions and releases')", is_version),
    "source": ("'auto', which only extract writes, or no source stamp (build's tables)", lambda value: value == "auto"),
}
"""The stamps whose values no check compares with anything fixed, and what a landstrikes writer
writes there (the table and schema version stamps are held to the folder's name and to this
validator's version). attack62: every file stamped dataset version 'banana', a line break, ten
megabytes or bytes that are not UTF-8 was VALID ('checked: dataset banana'); a source other than
'auto' is a stamp no writer makes, which silver's allowances read."""


def check_stamp_values(table: str, part: Path, meta: dict[str, str], add) -> None:
    """`bad-stamp` for each stamp of one part that holds what no landstrikes writer writes.
    Bytes that are not UTF-8 reach here as U+FFFD (`landstrikes_metadata`), which no rule allows,
    so two parts differing only in such bytes are each a finding, never one version."""
    for key, (wanted, holds) in STAMP_VALUES.items():
        value = meta.get(key)
        if value is None or holds(value):
            continue
        undecodable = " (bytes that are not UTF-8 shown as U+FFFD)" if "\ufffd" in value else ""
        add(table, "bad-stamp", f"{part.name[:80]}: landstrikes.{key} is {value[:40]!r}{'…' if len(value) > 40 else ''}"
            f"{undecodable}, which no landstrikes writer writes: it holds {wanted}; write the file with its "
            "stamps as README's 'Your own edited copy' does", value=value[:40])


def check_folder_entries(table: str, table_dir: Path, add) -> None:
    """Parquet data in a table folder that is not a part: a Parquet file under another name
    (x.PARQUET, x.parq, no suffix, a hidden name) or a subfolder holding one; a part some readers
    skip (`_x.parquet`); a Parquet summary file (`_metadata`). Arrow's dataset reader reads the
    visible ones as rows; Dask and polars every `*.parquet` below the folder, hidden or not, DuckDB's
    `*.parquet` glob the hidden ones beside the parts, and Dask a summary file instead of the parts (attack62); notes, checksums, AppleDouble files and empty
    folders beside a table stay ignored (pandas fails loudly on those, it does not read wrong rows)."""
    parts = set(table_files(table_dir))
    try:
        entries = sorted(table_dir.iterdir())
    except OSError:
        return  # the folder itself is reported unreadable elsewhere
    for entry in entries:
        if entry in parts and entry.name.startswith("_"):
            add(table, "unexpected-file", f"{entry.name[:80]} is a part that validate and load_dataset read but "
                "pandas.read_parquet and Arrow's dataset reader skip (a name starting with '_'): they would get "
                "another table than the one checked (rename it, attack18)", value=entry.name[:80])
            continue
        if entry in parts:
            continue
        found = parquet_data(entry, hidden_too=True)
        if found is None:
            continue
        if found == entry and entry.name in SUMMARY_FILES:
            add(table, "unexpected-file", f"{entry.name} is a Parquet summary file: Dask's read_parquet reads the table "
                "through it (the files and row groups it names, and their statistics) instead of the parts validate "
                "checked; landstrikes writes none: delete it", value=entry.name)
            continue
        what = unread_folder(found) if found.is_dir() else \
            f"a folder holding Parquet data ({found.relative_to(table_dir).as_posix()[:80]})" if found != entry else \
            "Parquet data not named *.parquet" if not entry.name.endswith(".parquet") else "Parquet data"
        hidden = any(_hidden(name) for name in found.relative_to(table_dir).parts)
        readers = ("hidden from pandas.read_parquet, but Dask and polars read every *.parquet below the folder, hidden "
                   "or not, and DuckDB's read_parquet('<folder>/*.parquet') too: rows nobody checked") if hidden else \
            "pandas.read_parquet on the folder would read it unchecked"
        add(table, "unexpected-file", f"{entry.name[:80]} is {what}; {readers} (move it out of the table folder)",
            value=entry.name[:80])


SUMMARY_FILES = ("_metadata", "_common_metadata")
"""The names of Parquet summary files (a footer of the whole folder: schema, and in `_metadata`
every part's row groups and statistics), which Dask reads instead of listing the parts."""


MAX_ENTRIES = 10_000
"""How many entries of a subfolder are looked at (a huge tree must not stall validate)."""


def parquet_data(entry: Path, hidden_too: bool = False) -> Path | None:
    """Parquet data at `entry`: the entry itself (a file of Parquet bytes, whatever its name), a
    Parquet file found below it (a folder, not followed through a symbolic link), a folder too large
    to look through (see `_parquet_inside`), or None. Shared by `unexpected-file` (inside a table
    folder) and `unexpected-table` (beside the tables). A symbolic link to a folder is returned
    as it is, unwalked: Arrow's dataset reader (pandas.read_parquet) follows it, and a link back to
    the table folder made pandas read 2,255 segments of 55 from a VALID folder (attack18).
    `hidden_too`: hidden files and folders below it are looked through as well (a table folder's,
    which Dask reads; attack62)."""
    if entry.is_dir() and entry.is_symlink():
        return entry
    if entry.is_dir():
        return _parquet_inside(entry, hidden_too)
    return entry if _is_parquet(entry) else None


def unread_folder(folder: Path) -> str:
    """What `parquet_data` returning a folder means."""
    if folder.is_symlink():
        return (f"a symbolic link to a folder ({str(folder)[-80:]}), which pandas.read_parquet follows and "
                "validate does not (it may lead back to the table)")
    return f"a folder of more than {MAX_ENTRIES} files ({str(folder)[-80:]}), too many to look through for Parquet data"


def _hidden(name: str) -> bool:
    return name.startswith((".", "_"))  # what Arrow's dataset discovery skips


def _is_parquet(path: Path) -> bool:
    """Parquet bytes as any reader takes them: `PAR1` at the start, or at the end, where Arrow
    finds the footer (it never reads the leading magic: a table folder's `README.txt` of Parquet
    bytes opening on other bytes was read by pandas.read_parquet(folder) as rows, and passed
    unseen under a VALID verdict; attack32)."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as handle:
            if handle.read(4) == b"PAR1":
                return True
            size = handle.seek(0, os.SEEK_END)
            if size < 12:  # a footer length and two magics at the least
                return False
            handle.seek(size - 4)
            return handle.read(4) == b"PAR1"
    except OSError:
        return False


def _parquet_inside(folder: Path, hidden_too: bool = False) -> Path | None:
    """The first Parquet file found under `folder`, or the folder being walked when more than
    MAX_ENTRIES files were looked at (a folder too large to look through may hide one: review14,
    it passed as holding none), or the first symbolic link to a folder below it (not followed), or
    None."""
    seen = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if hidden_too or not _hidden(d))
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        if linked:
            return Path(root, linked[0])
        for name in sorted(files):
            seen += 1
            if seen > MAX_ENTRIES:
                return Path(root)
            if (hidden_too or not _hidden(name)) and _is_parquet(Path(root, name)):
                return Path(root, name)
    return None


READER_METADATA = {
    "pandas": "pandas.read_parquet would reshape the table by it (index columns, dtypes)",
    "huggingface": "Hugging Face datasets would cast the columns to the features it declares",
}
"""Schema entries a reader obeys instead of the file's own columns (attack19: a forged `pandas`
entry hid quote_id as the index; eco39: a `huggingface` entry declares `datasets` features).
landstrikes writes neither, so either one means a reader may get another table than the one checked."""


def version_message(where: str, version, expected: str) -> str:
    """A file stamped with another schema version, or with none: one written by another tool
    (`DataFrame.to_parquet` keeps no landstrikes stamp) had read 'schema version None' (newuser46)."""
    if version is None:
        return (f"{where} no schema version (no landstrikes.schema_version stamp: written by another tool, such as "
                f"pandas' to_parquet? README, 'Your own edited copy', writes a table with its stamps), "
                f"this validator checks {expected!r}")
    return f"{where} schema version {version!r}, this validator checks {expected!r}"


WRITER_HINT = {
    "pandas": " (written by pandas' to_parquet? README, 'Your own edited copy', writes a table without it)",
}
"""What to do about an entry a user's own tool wrote: an edited table written back with
`DataFrame.to_parquet` was told what is wrong, not how to write it (newuser46)."""


def reader_metadata(metadata: dict | None) -> list[str]:
    """The reader-directing entries (READER_METADATA's keys) a file's schema metadata holds."""
    keys = metadata or {}
    return [name for name in READER_METADATA if name.encode() in keys or name in keys]


def check_reader_metadata(table: str, parts, add) -> None:
    """A part whose schema metadata holds a reader-directing entry (READER_METADATA): its readers
    would get another table than the one validated. `parts`: (path, Arrow table)."""
    for part_path, part in parts:
        for name in reader_metadata(part.schema.metadata):
            add(table, "unexpected-metadata", f"{part_path.name} carries a {name!r} schema entry: {READER_METADATA[name]} "
                f"instead of reading what validate checked{WRITER_HINT.get(name, '')}", value=name)
