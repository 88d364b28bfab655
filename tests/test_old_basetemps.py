""".ci/old_basetemps.py deletes, before a run, exactly the base folders that run's pytest would
delete when its session ends, and never a folder a live run holds."""

from __future__ import annotations

import os
from pathlib import Path

from _pytest.pathlib import cleanup_candidates, create_cleanup_lock, make_numbered_dir
from _pytest.tmpdir import TempPathFactory, get_user

import ciscripts


def _script():
    return ciscripts.load("old_basetemps")


def _runs(root: Path, numbers) -> None:
    for n in numbers:
        (root / f"pytest-{n}" / "test_x0").mkdir(parents=True)
        (root / f"pytest-{n}" / "test_x0" / "file").write_text("x")


def test_it_deletes_what_the_next_sessions_end_would_and_nothing_else(tmp_path):
    _runs(tmp_path, (3, 7, 8, 9, 10))
    script = _script()
    # what pytest's end deletes once the next run's folder (11) exists, with pytest's default count
    make_numbered_dir(tmp_path, "pytest-", 0o700)
    would = sorted(p.name for p in cleanup_candidates(tmp_path, "pytest-", script.KEPT) if not p.is_symlink())
    (tmp_path / "pytest-11").rmdir()
    (tmp_path / "pytest-current").unlink()
    assert would == ["pytest-3", "pytest-7", "pytest-8"]
    assert script.main(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pytest-10", "pytest-9"]


def test_a_folder_held_by_a_live_run_is_kept(tmp_path):
    _runs(tmp_path, (1, 2, 3, 4))
    create_cleanup_lock(tmp_path / "pytest-1")  # this process's pid: a live run's lock
    assert _script().main(tmp_path) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pytest-1", "pytest-3", "pytest-4"]
    assert (tmp_path / "pytest-1" / ".lock").read_text() == str(os.getpid())


def test_it_looks_where_pytest_makes_its_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_DEBUG_TEMPROOT", str(tmp_path))
    factory = TempPathFactory(None, 3, "all", lambda *args: None, _ispytest=True)
    expected = tmp_path.resolve() / f"pytest-of-{get_user()}"
    assert factory.getbasetemp().parent == _script().pytest_temp_root() == expected
