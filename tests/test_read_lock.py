"""Readers (validate, render, stats, evaluate, diff) hold the dataset's lock shared: a build or
release never swaps data/ while one of them reads, and a reader never blocks another reader.
attack5 found validate reading across a build's swap; each test here fails without the shared lock."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from landstrikes.build import LOCK_FILE, dataset_lock
from landstrikes.cli import main
from landstrikes.safety.lock import exclusive
from landstrikes.safety.readlock import reading

CLI = [sys.executable, "-m", "landstrikes"]
HOLD_SHARED = """
import sys
from pathlib import Path
from landstrikes.safety.readlock import reading
with reading(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


@pytest.fixture
def dataset(built_dataset, tmp_path) -> Path:
    """A whole dataset folder (sources and built tables): one a build may write, so readers lock it."""
    target = tmp_path / "live" / "dataset"
    shutil.copytree(built_dataset, target, ignore=shutil.ignore_patterns(LOCK_FILE))
    return target


def _wait_until(predicate, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _held_by_a_writer(dataset: Path) -> bool:
    fd = os.open(dataset / "raw", os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def test_validate_waits_for_a_running_build_and_then_reads_its_tables(dataset, tmp_path):
    go = tmp_path / "go"
    env = {**os.environ, "LANDSTRIKES_FAULT": f"build:validated@wait={go}"}
    build = subprocess.Popen([*CLI, "build", "--dataset", str(dataset)], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_until(lambda: _held_by_a_writer(dataset))
        reader = subprocess.Popen([*CLI, "validate", str(dataset), "--wait", "120"], text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seen = ""  # until validate says it waits (or ends): a fixed sleep raced a slow start under load
        while "waiting for the lock" not in seen and (line := reader.stderr.readline()):
            seen += line
        go.touch()  # the build swaps its tables in and lets go
        out, err = reader.communicate(timeout=300)
        err = seen + err
        assert build.wait(timeout=300) == 0
    finally:
        go.touch()
        build.kill() if build.poll() is None else None
    assert reader.returncode == 0, err
    assert f"waiting for the lock on {dataset.resolve() / 'raw'}" in err, "validate read while the build held the lock"
    assert "VALID" in out


def test_a_reader_refuses_in_one_line_when_a_build_holds_the_lock_past_wait(dataset, capsys):
    with dataset_lock(dataset):
        code = main(["validate", str(dataset), "--wait", "0"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "\n" not in err, err
    assert "[dataset-locked]" in err and "is writing" in err


@pytest.mark.parametrize("argv", [
    ["stats", "--check", "--dataset", "{d}", "--wait", "0"],
    ["render", "{d}", "--out", "{out}", "--wait", "0"],
    ["evaluate", "{d}", "--gold", "{d}", "--wait", "0"],
    ["diff", "{d}", "{d}", "--wait", "0"],
])
def test_every_reader_of_a_dataset_takes_its_lock(dataset, tmp_path, capsys, argv):
    args = [a.format(d=dataset, out=tmp_path / "site") for a in argv]
    with dataset_lock(dataset):
        code = main(args)
    err = capsys.readouterr().err
    assert code == 2 and "[dataset-locked]" in err, err


def test_a_build_refuses_while_a_reader_holds_the_lock_and_leaves_the_tables(dataset):
    before = {p: p.read_bytes() for p in sorted((dataset / "data").rglob("*.parquet"))}
    holder = subprocess.Popen([sys.executable, "-c", HOLD_SHARED, str(dataset)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        build = subprocess.run([*CLI, "build", "--dataset", str(dataset)], capture_output=True, text=True, timeout=300)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert build.returncode == 2 and "is being read" in build.stderr and "[dataset-locked]" in build.stderr, build.stderr
    assert {p: p.read_bytes() for p in sorted((dataset / "data").rglob("*.parquet"))} == before


def test_readers_do_not_block_each_other(dataset):
    with reading(dataset, wait=0):
        with reading(dataset / "data", wait=0):
            pass


def test_a_writer_clears_its_pid_when_it_lets_go(tmp_path):
    lock = tmp_path / LOCK_FILE
    with exclusive(lock):
        assert lock.read_text().strip() == str(os.getpid())
    assert lock.read_text() == ""


def test_a_reader_creates_nothing_in_what_it_reads(dataset, released_copy, dataset_copy):
    for folder in (dataset, released_copy, dataset_copy):
        before = sorted(p.relative_to(folder.parent) for p in folder.parent.rglob("*"))
        main(["validate", str(folder), "--wait", "0"])
        assert sorted(p.relative_to(folder.parent) for p in folder.parent.rglob("*")) == before


def test_the_readers_lock_is_the_raw_folder_a_build_never_replaces(dataset):
    raw_inode = (dataset / "raw").stat().st_ino
    done = subprocess.run([*CLI, "build", "--dataset", str(dataset)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (dataset / "raw").stat().st_ino == raw_inode
    fd = os.open(dataset / "raw", os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # nothing is left holding it
    finally:
        os.close(fd)


@pytest.mark.parametrize("named_as", [".", "quotes/..", "link-to-data", "link-to-dataset"])
def test_a_reader_locks_the_dataset_however_its_path_names_it(dataset, tmp_path, monkeypatch, capsys, named_as):
    """attack6: `validate .` run inside data/, `data/quotes/..` and a symbolic link to data/ read
    the tables unlocked (VALID under a build's held lock): the path is resolved before it is judged."""
    (tmp_path / "link-to-data").symlink_to(dataset / "data")
    (tmp_path / "link-to-dataset").symlink_to(dataset)
    monkeypatch.chdir(dataset / "data")
    path = tmp_path / named_as if named_as.startswith("link") else Path(named_as)
    with dataset_lock(dataset):
        code = main(["validate", str(path), "--wait", "0"])
    err = capsys.readouterr().err
    assert code == 2 and "[dataset-locked]" in err, err


def test_a_reader_killed_mid_read_lets_a_build_take_the_lock(dataset):
    """The kernel drops a killed reader's flock: no stale lock blocks the next build."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_SHARED, str(dataset)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert _held_by_a_writer(dataset) is False
    holder.kill()
    holder.wait(timeout=30)
    with dataset_lock(dataset, wait=0):
        pass
