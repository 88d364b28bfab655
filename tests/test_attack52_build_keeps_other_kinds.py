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
