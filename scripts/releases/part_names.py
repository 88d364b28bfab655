"""A release's table folders hold only parts every reader reads alike (attack19).

`landstrikes.load`, verify and `datasets` (the card's `data/<table>/*.parquet`) read a table's
`*.parquet` files; `pandas.read_parquet(folder)` (README's own recipe) reads every file in the
folder and below it whatever its extension, but skips names starting with `.` or `_`, and
`datasets` skips hidden ones. Under a re-hashed manifest (and croissant.json where it states
the file) a release verified ok with quotes split into `quotes.parquet` and a listed
`.rest.parquet` (load: 103 quotes, pandas 50, load_dataset refused its split), or with a listed
`data/quotes/more` of 10 rows (pandas: 113 quotes, load: 103). `release` writes
`data/<table>/<table>.parquet` only; validate's `unexpected-file` refuses the same entries.
"""

from __future__ import annotations

from landstrikes.releases.manifest import Problem


def stray_table_files(listed) -> list[Problem]:
    """unexpected-file for each listed file in a table folder that some reader reads differently."""
    problems = []
    for rel in sorted(listed):
        parts = rel.split("/")
        if len(parts) < 3 or parts[0] != "data":
            continue
        if len(parts) > 3 or not rel.endswith(".parquet"):
            why = ("pandas.read_parquet reads every file of a table folder and its subfolders, "
                   "whatever its name; load, verify and datasets read only its *.parquet files")
        elif parts[2].startswith((".", "_")):
            why = ("a table part named with a leading '.' or '_': datasets skips a hidden one and "
                   "pandas.read_parquet both, so readers would get other rows than load and verify")
        else:
            continue
        problems.append(Problem("unexpected-file", rel, why))
    return problems
