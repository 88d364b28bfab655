"""A release given where a dataset folder is expected is read, never written (attack18).

`build`, `release` and `stats` write into their `--dataset` folder (the lock file, stats.json)
and `stats` into its `--root`. Pointed at a release, `build` and `release` left
`.landstrikes.lock` in it before finding no raw/ folder, and `stats` wrote `stats.json` into it:
each left an unlisted file, so the immutable release no longer verified. Each is now refused
(`protected-output`, exit 2) before anything is written; the readers still read it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from landstrikes.cli import main as in_this_process
from test_attack18_tilde_paths import _tree


def main(argv: list[str]) -> int:
    """The command in its own process (`stats` refuses imports for the rest of a process)."""
    proc = subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)
    sys.stderr.write(proc.stderr)
    return proc.returncode


def _documents(folder, released_copy):
    """A --root folder with the README and DATASHEET that `stats` fills in."""
    folder.mkdir()
    for name in ("README.md", "DATASHEET.md"):
        shutil.copyfile(released_copy.parent / name, folder / name)
    return folder


WRITERS = {
    "build --dataset": lambda ds, rel, docs: ["build", "--dataset", str(rel)],
    "release --dataset": lambda ds, rel, docs: ["release", "--dataset", str(rel), "9.9.9"],
    "stats --dataset": lambda ds, rel, docs: ["stats", "--dataset", str(rel), "--root", str(docs)],
    "stats --root": lambda ds, rel, docs: ["stats", "--dataset", str(ds), "--root", str(rel)],
    "agreement --dataset": lambda ds, rel, docs: ["agreement", "--dataset", str(rel)],
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_writer_pointed_at_a_release_is_refused_and_writes_nothing_there(writer, released_copy, tmp_path, capsys):
    release = released_copy / "releases" / "1.0.0"
    docs = _documents(tmp_path / "root", released_copy)
    before = _tree(release)
    code = main(WRITERS[writer](released_copy, release, docs))
    err = capsys.readouterr().err
    assert code == 2, err
    assert _tree(release) == before, err
    assert in_this_process(["verify", "--dataset", str(released_copy), "1.0.0"]) == 0  # (verify imports nothing it refuses)


def test_a_writer_is_told_why_a_release_is_no_dataset_folder(released_copy, capsys):
    release = released_copy / "releases" / "1.0.0"
    for argv in (["build", "--dataset", str(release)], ["stats", "--dataset", str(release), "--root", str(released_copy.parent)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "[protected-output]" in err and "release" in err, err
        assert len(err.strip().splitlines()) == 1, err


def test_stats_check_of_a_release_reads_it_and_writes_nothing(released_copy, tmp_path, capsys):
    release = released_copy / "releases" / "1.0.0"
    docs = _documents(tmp_path / "root", released_copy)
    before = _tree(release)
    assert main(["stats", "--dataset", str(release), "--root", str(docs), "--check"]) in (0, 1)
    assert _tree(release) == before
