"""attack52: `build` replaces `DIR/data` (a folder) and `DIR/README.md` (the card, a file) whole, and
the swap exchanges whatever stands at those names. A folder named `README.md` holding a user's
notes, or a file named `data`, was exchanged like an old copy and then deleted with the staging
folder: exit 0, VALID, nothing said ("build never deletes a file it did not write"). Such an entry is
now refused as the files build did not write inside `data/` are: named and kept, exit 2
[foreign-file], nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from landstrikes.build import STAGING_MARK


def build(folder) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(folder)], capture_output=True,
                          text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)


def as_a_folder(path) -> None:
    path.unlink()
    path.mkdir()
    (path / "notes.txt").write_text("my notes\n", encoding="utf-8")


def as_a_file(path) -> None:
    import shutil

    shutil.rmtree(path)
    path.write_text("my notes\n", encoding="utf-8")


@pytest.mark.parametrize("name, make, kept", [
    ("README.md", as_a_folder, "README.md/notes.txt"),
    ("data", as_a_file, "data"),
], ids=["a-folder-where-the-card-goes", "a-file-where-the-tables-go"])
def test_an_entry_of_another_kind_where_build_writes_is_named_and_kept(whole_copy, name, make, kept):
    make(whole_copy / name)
    done = build(whole_copy)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: {whole_copy / name}:") and lines[0].endswith("[foreign-file]"), lines
    assert (whole_copy / kept).read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in whole_copy.glob(".build-*")) == []


def test_a_users_folder_named_like_a_staging_folder_is_kept(whole_copy):
    """A build's staging folder is `.build-` and 8 characters of [a-z0-9_] (mkdtemp's), and a build
    removed any such folder without a swap journal as one an interrupted build left: a user's
    `.build-settings` (8 letters) with its files was deleted. One is removed now only when it holds
    nothing but what a build writes there (data/<table>/<table>.parquet, README.md); otherwise kept
    and named."""
    mine = whole_copy / ".build-settings"
    mine.mkdir()
    (mine / "config.txt").write_text("my settings\n", encoding="utf-8")
    done = build(whole_copy)
    assert done.returncode == 0, done.stderr
    assert (mine / "config.txt").read_text(encoding="utf-8") == "my settings\n"
    assert f"{mine}" in done.stderr and "kept" in done.stderr


def test_a_staging_folder_an_interrupted_build_left_is_still_removed(whole_copy):
    """What a build killed before its journal leaves: part of the tables and no card."""
    left = whole_copy / ".build-k3x_9q2a"
    (left / "data" / "quotes").mkdir(parents=True)
    (left / STAGING_MARK).write_bytes(b"")  # a build writes it first (attack54)
    (left / "data" / "quotes" / "quotes.parquet").write_bytes((whole_copy / "data" / "quotes" / "quotes.parquet").read_bytes())
    done = build(whole_copy)
    assert done.returncode == 0, done.stderr
    assert not left.exists()
    assert "removed the unfinished staging folder" in done.stderr
