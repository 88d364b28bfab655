"""A killed `build --check` or `publish` leaves no folder that accumulates (attack20).

`kill -9` skips the `finally` that removes a temporary folder: each killed `build --check` left a
`$TMPDIR/landstrikes-build-check-*` (review19), each killed `publish --dry-run` a `.publish-*`
copy of the whole release beside `--out` (attack19), and no later run removed them. Now the next
run removes them, once it has proven them a dead landstrikes run's: the owner file inside, and the
folder's lock free (its creator held it until it died). A live run's folder, and a folder of that
name landstrikes did not make, are kept.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from landstrikes.safety.ownedtemp import OWNER, owned_temporary_folder, remove_dead_leftovers

ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}


def _kill_once_started(command: list[str], place: Path, pattern: str, env: dict) -> None:
    """Start the command, SIGKILL it once a folder `place/pattern` holds its work (more than the
    owner file), wait for it."""
    run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not any(any(not e.name.startswith(OWNER) for e in f.iterdir()) for f in place.glob(pattern) if f.is_dir()):
            assert run.poll() is None and time.monotonic() < deadline, "the run ended before its folder was seen"
            time.sleep(0.005)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()


def test_a_killed_build_check_leaves_nothing_once_another_check_has_run(whole_copy, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**ENV, "TMPDIR": str(temp)}
    check = [sys.executable, "-m", "landstrikes", "build", "--check", "--dataset", str(whole_copy)]
    _kill_once_started(check, temp, "landstrikes-build-check-*", env)
    assert list(temp.glob("landstrikes-build-check-*")), "the kill came too late to test anything"
    done = subprocess.run(check, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(temp.iterdir()) == []


def test_a_killed_publish_dry_run_leaves_no_copy_of_the_release_beside_out(released, tmp_path):
    out = tmp_path / "upload"
    publish = [sys.executable, "-m", "landstrikes", "publish", "1.0.1", "--dry-run", "--out", str(out),
               "--dataset", str(released)]
    _kill_once_started(publish, tmp_path, ".publish-*", {**ENV, "LANDSTRIKES_FAULT": "publish:staged@sleep=30"})
    assert list(tmp_path.glob(".publish-*")) and not out.exists()
    done = subprocess.run(publish, env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["upload"]


def test_a_live_runs_folder_is_never_removed(tmp_path):
    with owned_temporary_folder("landstrikes-x-", tmp_path) as live:
        (live / "work").write_text("in use")
        assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == []
        assert (live / "work").read_text() == "in use"
    assert list(tmp_path.iterdir()) == []


def test_a_live_run_in_another_process_keeps_its_folder(tmp_path):
    script = ("import sys, time; from pathlib import Path; from landstrikes.safety.ownedtemp import owned_temporary_folder\n"
              "with owned_temporary_folder('landstrikes-x-', Path(sys.argv[1])) as f:\n"
              "    (f / 'ready').write_text('1'); time.sleep(60)\n")
    run = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)])
    try:
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("landstrikes-x-*/ready")):
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == []
        assert list(tmp_path.glob("landstrikes-x-*/ready"))
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
    assert len(remove_dead_leftovers(tmp_path, "landstrikes-x-")) == 1  # now dead: removed
    assert list(tmp_path.iterdir()) == []


def test_a_folder_of_that_name_landstrikes_did_not_make_is_kept(tmp_path):
    theirs = tmp_path / "landstrikes-x-abcd1234"  # no owner file
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / OWNER).write_text("forged")
    (elsewhere / "precious.txt").write_text("keep")
    (tmp_path / "landstrikes-x-link0000").symlink_to(elsewhere)  # a link is never followed
    owned_file = tmp_path / "landstrikes-x-file0000"
    owned_file.write_text("a file, not a folder")
    near = tmp_path / "landstrikes-x-abc"  # not mkdtemp's name
    near.mkdir()
    (near / OWNER).write_text("")
    assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == []
    assert (theirs / "notes.txt").exists() and (elsewhere / "precious.txt").exists()
    assert owned_file.exists() and near.exists()


def test_a_killed_validate_engine_leaves_no_partition_folder_once_another_has_run(raw_and_data_copy, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**ENV, "TMPDIR": str(temp), "LANDSTRIKES_FAULT": "engine:partition-linked@sleep=30"}
    command = [sys.executable, "-m", "landstrikes", "validate", "--engine", "local", str(raw_and_data_copy)]
    _kill_once_started(command, temp, "*partition-*", env)
    assert list(temp.glob("*partition-*")), "the kill came too late to test anything"
    done = subprocess.run(command, env={**ENV, "TMPDIR": str(temp)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(temp.iterdir()) == []


def test_where_locks_are_refused_the_run_goes_on_and_its_folder_is_never_taken(tmp_path, monkeypatch):
    """A file system without locks (some network mounts): the run must not fail for a courtesy,
    and a folder that cannot be proven dead is kept."""
    import fcntl

    from landstrikes.safety import ownedtemp

    def refused(fd, op):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(ownedtemp.fcntl, "flock", refused)
    with owned_temporary_folder("landstrikes-x-", tmp_path) as folder:
        (folder / "work").write_text("in use")
        monkeypatch.setattr(ownedtemp.fcntl, "flock", fcntl.flock)
        assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == []
        assert (folder / "work").exists()


def test_a_run_killed_before_it_named_its_owner_file_is_removed_once_that_file_is_old(tmp_path):
    """The `.new` owner file is locked one system call after it is created: unlocked and a minute
    old, its run is gone; younger, it may be a run between the two calls, and is kept."""
    folder = tmp_path / "landstrikes-x-abcd1234"
    folder.mkdir()
    claim = folder / (OWNER + ".new")
    claim.write_text("")
    (folder / "work").write_text("half")
    assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == []
    old = time.time() - 120
    os.utime(claim, (old, old))
    assert remove_dead_leftovers(tmp_path, "landstrikes-x-") == [folder]
    assert not folder.exists()


def test_a_temporary_folder_inside_a_release_is_refused_before_anything_is_written(released, tmp_path):
    """`publish` stages its copy of the release in TMPDIR: with TMPDIR inside the release it
    wrote into the release it was publishing, copying the copy into itself until the path grew
    too long. Now TMPDIR in a protected place (a release, a dataset's data/raw/annotations) is
    refused, one line, before anything (tempfile's probe file included) is written there."""
    import shutil

    dataset = tmp_path / "dataset"
    shutil.copytree(released, dataset)
    release = dataset / "releases" / "1.0.1"
    before = sorted(p.relative_to(release).as_posix() for p in release.rglob("*"))
    seen = []

    class Watch:  # the release's entries while the command runs, polled by a thread
        stop = False

    import threading

    def watch():
        while not Watch.stop:
            seen.extend(p.name for p in release.iterdir() if p.name.startswith(("landstrikes-", "tmp")))
            time.sleep(0.001)

    thread = threading.Thread(target=watch)
    thread.start()
    try:
        done = subprocess.run([sys.executable, "-m", "landstrikes", "publish", "1.0.1", "--repo", "a/b", "--dataset", str(dataset)],
                              capture_output=True, text=True, env={**ENV, "TMPDIR": str(release)}, timeout=120)
    finally:
        Watch.stop = True
        thread.join()
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "TMPDIR" in done.stderr and "[protected-output]" in done.stderr, done.stderr
    assert seen == [] and sorted(p.relative_to(release).as_posix() for p in release.rglob("*")) == before


def test_validate_engine_refuses_a_temporary_folder_inside_the_datasets_data(whole_copy):
    """validate reads; its partitions went to TMPDIR, here the data/ it validates."""
    done = subprocess.run([sys.executable, "-m", "landstrikes", "validate", "--engine", "local", str(whole_copy)],
                          capture_output=True, text=True, env={**ENV, "TMPDIR": str(whole_copy / "data")})
    assert done.returncode == 2 and "[protected-output]" in done.stderr and "TMPDIR" in done.stderr, done.stdout + done.stderr
