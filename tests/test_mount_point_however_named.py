"""A bind mount as `--out` is refused however the path names it: relative, `./x/`, or through a
symbolic link. attack34's check compared the path as given with /proc/self/mountinfo's absolute,
resolved mount points, so only the absolute spelling was found (session 31); the others did the
whole work, then failed on the rename."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from landstrikes.safety.mounts import is_mount_point


@pytest.fixture
def bind_mount(tmp_path):
    source, point = tmp_path / "source", tmp_path / "mounted"
    source.mkdir()
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(source), str(point)], capture_output=True).returncode != 0:
        pytest.skip("a bind mount needs root")
    yield point
    subprocess.run(["umount", str(point)], check=False)


@pytest.mark.parametrize("spelling", ["absolute", "relative", "dot-slash", "link"])
def test_a_bind_mount_is_a_mount_point_however_named(bind_mount, monkeypatch, spelling):
    monkeypatch.chdir(bind_mount.parent)
    if spelling == "link":
        (bind_mount.parent / "link").symlink_to(bind_mount)
    path = {"absolute": bind_mount, "relative": Path("mounted"), "dot-slash": Path("./mounted/"),
            "link": bind_mount.parent / "link"}[spelling]
    assert is_mount_point(path)
    assert not is_mount_point(bind_mount.parent / "source")
