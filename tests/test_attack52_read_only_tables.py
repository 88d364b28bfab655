"""attack52: `build` of a dataset whose `data/` folder is read-only (its owner's copy made read-only
to keep it, a mount, a `chmod -R a-w`) refused with exit 2, but its line named the hidden staging
folder it had made (`DIR/.build-xxxxxxxx/data: cannot write: Permission denied [build-io]`), not the
folder in the way, and left that staging folder behind with its swap journal for the next build to
finish: the new tables are moved into place whole, and moving a folder into another one rewrites
its `..` entry, which a read-only folder refuses. The swap now asks, before its journal is written,
that every live folder it replaces can be moved, and refuses naming it: nothing is left behind."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest


def landstrikes_as_a_user(*args: str) -> subprocess.CompletedProcess:
    """The command as an ordinary user (root moves a read-only folder anyway): as root, in a user
    namespace, where root's rights over the files it owns are only their owner's."""
    command = [sys.executable, "-m", "landstrikes", *args]
    if os.geteuid() == 0:
        command = ["unshare", "--user", "--map-user=1000", "--map-group=1000", *command]
        if subprocess.run([*command[:4], "true"], capture_output=True).returncode != 0:
            pytest.skip("root, and no user namespace to drop root's rights in")
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)


def read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_data_folder_is_named_and_nothing_is_left_behind(whole_copy):
    before = {p.relative_to(whole_copy): p.read_bytes() for p in (whole_copy / "data").rglob("*.parquet")}
    read_only(whole_copy / "data")
    try:
        done = landstrikes_as_a_user("build", "--dataset", str(whole_copy))
    finally:
        writable(whole_copy / "data")
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: {whole_copy / 'data'}:") and lines[0].endswith("[build-io]"), lines
    assert ".build-" not in lines[0]
    assert sorted(p.name for p in whole_copy.glob(".build-*")) == []
    assert {p.relative_to(whole_copy): p.read_bytes() for p in (whole_copy / "data").rglob("*.parquet")} == before


def test_read_only_sources_build_the_same_tables(whole_copy):
    """Only what build replaces must be writable: read-only raw texts and annotations build."""
    for part in ("raw", "annotations"):
        read_only(whole_copy / part)
    try:
        done = landstrikes_as_a_user("build", "--dataset", str(whole_copy))
    finally:
        for part in ("raw", "annotations"):
            writable(whole_copy / part)
    assert done.returncode == 0, done.stderr


def test_a_data_folder_that_is_a_mount_point_is_named_and_nothing_is_left_behind(whole_copy, tmp_path):
    """A container's volume mounted at `DIR/data` (`docker run -v tables:/ds/data`): a mount point
    cannot be renamed (EBUSY), and the swap found out past its journal, as with a read-only folder.
    Mounted in a user and mount namespace of its own, so no real mount is made."""
    volume = tmp_path / "volume"
    shutil.copytree(whole_copy / "data", volume)
    script = (f'mount --bind "{volume}" "{whole_copy / "data"}" && '
              f'exec "{sys.executable}" -m landstrikes build --dataset "{whole_copy}"')
    command = ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script]
    if subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True).returncode != 0:
        pytest.skip("no user and mount namespace to mount in")
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=300)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and lines[0].startswith(f"error: {whole_copy / 'data'}:") and lines[0].endswith("[build-io]"), lines
    assert sorted(p.name for p in whole_copy.glob(".build-*")) == []
