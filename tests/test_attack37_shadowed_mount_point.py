"""attack37: an --out folder is refused as a mount point when /proc/self/mountinfo lists its path,
but mountinfo also lists mounts that a later mount over a folder above them hides. With a folder
bound at X/inner and then another file system mounted at X, the folder X/inner made on it is a
plain folder (os.path.ismount says so), yet `export-schemas --out X/inner` was refused
[output-refused] 'is a mount point'. A path is a mount point only where mountinfo's tree, walked
from the root along the path, enters a mount at it. A bind mount still on top is still refused."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from landstrikes.cli import main
from landstrikes.safety.mounts import is_mount_point

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="mounts need root")


def _mount(*args):
    if subprocess.run(["mount", *args], capture_output=True).returncode:
        pytest.skip("no mounts here")


@pytest.fixture
def shadowed(tmp_path):
    source, above, inner = tmp_path / "source", tmp_path / "X", tmp_path / "X" / "inner"
    source.mkdir()
    inner.mkdir(parents=True)
    _mount("--bind", str(source), str(inner))
    mounted = [inner]
    try:
        _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(above))
        mounted.append(above)
        inner.mkdir()  # a plain folder of the new file system, where the hidden mount's path was
        yield inner
    finally:
        for point in reversed(mounted):
            subprocess.run(["umount", str(point)], check=True)


def test_a_folder_where_a_hidden_mount_was_is_no_mount_point(shadowed, capsys):
    assert not is_mount_point(shadowed)
    assert main(["export-schemas", "--out", str(shadowed)]) == 0, capsys.readouterr().err
    assert any(shadowed.iterdir())


def test_a_bind_mount_on_top_of_the_hidden_one_is_still_one(shadowed, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    _mount("--bind", str(other), str(shadowed))
    try:
        assert is_mount_point(shadowed)
    finally:
        subprocess.run(["umount", str(shadowed)], check=True)
