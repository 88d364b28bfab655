"""A release's table parts carry names every reader reads (attack19).

`landstrikes.load` and verify read every listed `data/<table>/*.parquet`; `datasets` skips a
hidden one (`.rest.parquet`), and `pandas.read_parquet(folder)` (README's own recipe) skips names
starting with `.` or `_`. A release whose quotes were split into `quotes.parquet` (50 rows) and
a listed `.rest.parquet` (53), under a re-hashed manifest and croissant.json, verified ok:
`load` returned 103 quotes, pandas 50, and `load_dataset` refused its split. `release` writes
`data/<table>/<table>.parquet` only; validate's `unexpected-file` refuses the same names.
"""

from __future__ import annotations

from landstrikes.releases.manifest import Problem


def skipped_parts(listed) -> list[Problem]:
    """unexpected-file for each listed table part whose name a reader skips."""
    problems = []
    for rel in sorted(listed):
        parts = rel.split("/")
        if len(parts) == 3 and parts[0] == "data" and rel.endswith(".parquet") and parts[2].startswith((".", "_")):
            problems.append(Problem("unexpected-file", rel, "a table part named with a leading '.' or '_': "
                                    "datasets skips a hidden one and pandas.read_parquet both, so readers would "
                                    "get other rows than load and verify"))
    return problems
