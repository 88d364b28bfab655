"""Every refusal names its class: a refused `--out` said `[bad-source]` (attack12 left it open),
`publish --dry-run --out` gave no check id at all, and a missing dataset or raw folder said
`[bad-source]` too, though no source was read. Each is now one line with the path, what is
wrong and the id README lists: `output-refused`, `unreadable-folder`, `raw-missing`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest



def _cli(argv) -> tuple[int, str]:
    """A command in its own process (build and extract block imports the test runner needs)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stderr

VERSION = "1.0.1"


def _full(tmp_path):
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    return folder


def _file(tmp_path):
    path = tmp_path / "plain"
    path.write_text("mine")
    return path


TARGETS = {"a folder holding a user's file": (_full, "notes.txt"), "a file": (_file, "not a folder")}
COMMANDS = {
    "render": lambda ds, out: ["render", str(ds), "--out", str(out)],
    "export-schemas": lambda ds, out: ["export-schemas", "--out", str(out)],
    "extract": lambda ds, out: ["extract", str(ds / "raw"), "--out", str(out)],
    "publish --dry-run": lambda ds, out: ["publish", VERSION, "--repo", "o/n", "--dataset", str(ds),
                                          "--dry-run", "--out", str(out)],
}


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_refused_out_is_output_refused_naming_the_path_and_why(released_copy, tmp_path, command, target):
    make, why = TARGETS[target]
    out = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, err = _cli(COMMANDS[command](released_copy, out))
    err = err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1, err
    assert "[output-refused]" in err and "[bad-source]" not in err, err
    assert str(out) in err and why in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside it
    assert (out / "notes.txt").read_text() == "mine" if out.is_dir() else out.read_text() == "mine"


def test_build_of_a_missing_dataset_folder_is_unreadable_folder(tmp_path):
    code, err = _cli(["build", "--dataset", str(tmp_path / "nope")])
    assert code == 2, err
    assert "[unreadable-folder]" in err and str(tmp_path / "nope") in err and "no such" in err, err


def test_extract_of_a_missing_raw_folder_is_raw_missing(tmp_path):
    code, err = _cli(["extract", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert code == 2, err
    assert "[raw-missing]" in err and str(tmp_path / "nope") in err, err
    assert not (tmp_path / "out").exists()


def test_extract_of_a_raw_folder_without_articles_is_raw_missing(tmp_path):
    (tmp_path / "raw").mkdir()
    code, err = _cli(["extract", str(tmp_path / "raw"), "--out", str(tmp_path / "out")])
    assert code == 2, err
    assert "[raw-missing]" in err and "no raw article" in err, err


def test_a_lock_file_that_cannot_be_created_is_unusable_path(built_dataset, tmp_path, monkeypatch):
    """A read-only dataset folder (simulated: as root, permission bits bind nothing)."""
    import errno
    import shutil

    from landstrikes.build import build
    from landstrikes.errors import BuildError
    from landstrikes.safety import lock

    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)

    def refuse(path, flags):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(lock, "_open_lock_file", refuse)
    with pytest.raises(BuildError) as refused:
        build(dataset)
    assert refused.value.check == "unusable-path" and "lock file" in str(refused.value)


def test_a_swap_journal_that_cannot_be_read_is_build_io_not_bad_source(built_dataset, tmp_path, monkeypatch):
    import errno
    import shutil

    from landstrikes import build as build_module
    from landstrikes.errors import BuildError
    from landstrikes.safety.swap import SwapError

    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)

    def broken(folder):
        raise SwapError(errno.EINVAL, "unreadable journal (test); left as is", str(folder / "journal"))

    monkeypatch.setattr(build_module, "recover_build", broken)
    with pytest.raises(BuildError) as refused:
        build_module.build(dataset)
    assert refused.value.check == "build-io" and "journal" in str(refused.value)
