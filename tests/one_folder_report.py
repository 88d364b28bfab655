"""The review17 tests' spec: `validate --engine local` gives one-folder `validate`'s report."""

from __future__ import annotations

from pathlib import Path

from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema.validate import validate


def same_as_one_folder(corpus: Path) -> list:
    """One partition per task: the one-folder unusable line, findings, exit code and table rows."""
    one_folder = validate(corpus)
    partitioned = validate_partitioned(corpus, "local", num_proc=1, pass_rows=50, task_floor=1)
    assert partitioned.unusable == one_folder.unusable
    assert sorted(partitioned.findings) == sorted(one_folder.findings)
    assert partitioned.exit_code == one_folder.exit_code
    assert {t: (r.rows, r.present) for t, r in partitioned.tables.items()} == {t: (r.rows, r.present) for t, r in one_folder.tables.items()}
    return one_folder.findings
