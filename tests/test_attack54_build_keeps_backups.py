"""attack54: a build removes a `.build-XXXXXXXX` folder (mkdtemp's name) without a swap journal as
what an interrupted build left. attack52 kept one holding files a build never writes; but a user's
backup of a build, `.build-20261207/` holding a copy of `data/` and `README.md` (a date is 8 digits),
holds only what a build writes, and the next build deleted it: "removed the unfinished staging
folder", exit 0 ("build never deletes a file it did not write"). A build now writes a mark into
its staging folder before anything else, and a folder is its leftover only with that mark (or
empty: killed before the mark, nothing to lose)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from landstrikes.build import STAGING_MARK


def build(folder) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(folder)], capture_output=True,
                          text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)


def files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_users_backup_of_a_build_named_like_a_staging_folder_is_kept(whole_copy):
    backup = whole_copy / ".build-20261207"
    backup.mkdir()
    shutil.copytree(whole_copy / "data", backup / "data")
    shutil.copy2(whole_copy / "README.md", backup / "README.md")
    (backup / "data" / "quotes" / "quotes.parquet").write_bytes(b"PAR1 an older build's quotes PAR1")  # not today's
    kept = files(backup)
    done = build(whole_copy)
    assert done.returncode == 0, done.stderr
    assert files(backup) == kept
    assert f"{backup}" in done.stderr and "kept" in done.stderr


def test_what_a_build_killed_before_its_journal_leaves_is_removed(whole_copy):
    """Its mark, part of the tables and no card."""
    left = whole_copy / ".build-k3x_9q2a"
    (left / "data" / "quotes").mkdir(parents=True)
    (left / STAGING_MARK).write_bytes(b"")
    (left / "data" / "quotes" / "quotes.parquet").write_bytes((whole_copy / "data" / "quotes" / "quotes.parquet").read_bytes())
    done = build(whole_copy)
    assert done.returncode == 0, done.stderr
    assert not left.exists() and "removed the unfinished staging folder" in done.stderr


def test_a_build_killed_before_its_mark_leaves_an_empty_folder_that_is_removed(whole_copy):
    left = whole_copy / ".build-0a1b2c3d"
    left.mkdir()
    done = build(whole_copy)
    assert done.returncode == 0, done.stderr
    assert not left.exists()


def test_the_staging_mark_is_no_entry_of_the_dataset(whole_copy):
    """The mark stays in the staging folder: nothing new beside data/ and the card after a build."""
    before = sorted(p.name for p in whole_copy.iterdir())
    assert build(whole_copy).returncode == 0
    assert sorted(p.name for p in whole_copy.iterdir()) == before
    assert not list(whole_copy.rglob(STAGING_MARK))
