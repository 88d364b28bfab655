"""One corpus-wide pass for the two task groupings a test compares (`once()`).

`validate_partitioned` ends with `_corpus_wide(root, parts, structural, report, pass_rows)`: the
key passes (hundreds with a small `pass_rows`), the claims' rules and the gold checks over whole
tables. It is handed no task grouping (`task_floor` only decides the tasks before it), so a test
that validates one corpus at task floors 1 and 32 MiB runs it twice on the same arguments. Inside
`once()` the second call whose arguments are the first's (root, layout, the tasks' structural
tables, every table's result so far, the findings and unusable line so far, `pass_rows`, and every
file's size and modification time) is given the first call's findings and unusable line instead
of computing them again; any other call is computed. Everything else of each run (layout, table
facts, placement plan, tasks, their findings) is computed afresh, and each run's whole report is
still compared with the one-folder report.
"""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

import landstrikes.engines.validate as engine_validate


def arguments(root, parts, structural, report, pass_rows) -> tuple:
    files = sorted({p for part in parts.partitions.values() for paths in part.values() for p in paths}
                   | {p for paths in parts.shared.values() for p in paths})
    stats = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return (str(root), parts, frozenset(structural), dict(report.tables), sorted(report.findings),
            report.unusable, pass_rows, stats)


class CorpusWideOnce:
    """Stands in for `_corpus_wide`; `computed` and `replayed` count the calls of each kind."""

    def __init__(self, real):
        self.real = real
        self.last = None
        self.computed = self.replayed = 0

    def __call__(self, root, parts, structural, report, pass_rows):
        now = arguments(root, parts, structural, report, pass_rows)
        if self.last is not None and self.last[0] == now:
            report.findings.extend(self.last[1])
            report.unusable = self.last[2]
            self.replayed += 1
            return
        before = len(report.findings)
        self.real(root, parts, structural, report, pass_rows)
        self.last = (now, report.findings[before:], report.unusable)
        self.computed += 1


@contextmanager
def once():
    stand_in = CorpusWideOnce(engine_validate._corpus_wide)
    with mock.patch.object(engine_validate, "_corpus_wide", stand_in):
        yield stand_in
