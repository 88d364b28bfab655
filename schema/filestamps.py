"""What the files of a table folder say about themselves, and what lies beside them.

Each Parquet part is stamped with its table and the dataset version (key-value metadata). A part
stamped for another table, or parts of one folder carrying different dataset versions, are data
from elsewhere that the checks would vouch for. Files in a table folder that are not parts are
invisible to `validate`, but `pandas.read_parquet(folder)` (Arrow's dataset reader, the README's
recipe) reads every file and subfolder not starting with '.' or '_': they would be rows nobody
checked.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from landstrikes.schema.tableio import table_files

def check_stamps(stamps: dict[str, list[tuple[Path, dict[str, str]]]], add) -> None:
    """`stamps`: table name -> (part, its landstrikes metadata) for every part read; `add` is
    Report.add(table, check, message, row_id, column, value)."""
    versions = Counter(meta.get("dataset_version") for parts in stamps.values() for _, meta in parts)
    common = versions.most_common(1)[0][0] if versions else None
    for table, parts in stamps.items():
        for part, meta in parts:
            stamped = meta.get("table")
            if stamped is not None and stamped != table:
                add(table, "table-stamp-mismatch", f"{part.name} is stamped as table {stamped[:80]!r}, not {table!r}",
                    "", "", stamped[:80])
            version = meta.get("dataset_version")
            if len(versions) > 1 and version != common:
                add(table, "dataset-version-mismatch",
                    f"{part.name} carries dataset version {str(version)[:40]!r}, the other files {str(common)[:40]!r}",
                    "", "", str(version)[:40])


def check_folder_entries(table: str, table_dir: Path, add) -> None:
    """Entries of a table folder that Arrow's dataset reader would read but are not parts."""
    parts = set(table_files(table_dir))
    try:
        entries = sorted(table_dir.iterdir())
    except OSError:
        return  # the folder itself is reported unreadable elsewhere
    for entry in entries:
        if entry.name.startswith((".", "_")) or entry in parts:
            continue
        what = "a folder" if entry.is_dir() else "a file that is not a *.parquet part"
        add(table, "unexpected-file", f"{entry.name[:80]} is {what}; pandas.read_parquet on the folder would read it "
            "unchecked (move it out, or hide it with a leading '.')", "", "", entry.name[:80])
