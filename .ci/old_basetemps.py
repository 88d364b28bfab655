"""Delete, early and in the background, the pytest base folders this run's pytest would delete
when its session ends.

pytest keeps every test's `tmp_path` and, closing a session, deletes the numbered base folders
(`<tmp>/pytest-of-<user>/pytest-N`) of runs three or more before its own, one after another, in
the controller, once both workers are done (`_pytest/tmpdir.py` `pytest_sessionfinish`). A full
run of this suite leaves ~3.4 GB in ~149,000 entries, which took 124 s to delete at load 5
(docs/notes/cispeed4.md): on a machine that ran the suite before, the last minutes of CI. This
runs pytest's own cleanup with pytest's own rules (locked folders of live runs kept) before the
run's folder exists, with one run fewer kept, so it deletes the set the session's end would, and
the session's end finds nothing left to delete."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from _pytest.pathlib import LOCK_TIMEOUT, cleanup_numbered_dir
from _pytest.tmpdir import get_user

KEPT = 3
"""pytest's `tmp_path_retention_count` default: the sessions whose folders a session's end keeps,
its own among them."""


def pytest_temp_root() -> Path:
    """Where pytest makes its numbered base folders (TempPathFactory.getbasetemp's rule)."""
    temproot = Path(os.environ.get("PYTEST_DEBUG_TEMPROOT") or tempfile.gettempdir()).resolve()
    return temproot / f"pytest-of-{get_user() or 'unknown'}"


def main(root: Path) -> int:
    """Delete what the next session's end would; the number of numbered folders left."""
    cleanup_numbered_dir(root, prefix="pytest-", keep=KEPT - 1,
                         consider_lock_dead_if_created_before=time.time() - LOCK_TIMEOUT)
    return len(list(root.glob("pytest-[0-9]*"))) if root.is_dir() else 0


if __name__ == "__main__":  # silent: it runs beside the build and the tests, whose output is read
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else pytest_temp_root())
