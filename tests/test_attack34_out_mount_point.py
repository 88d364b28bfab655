"""An `--out` folder that is a mount point is refused up front (attack34).

An empty folder that is a mount point (a tmpfs, a removable disk, a bind mount) cannot be swapped
for another folder (`rename` of a mount point is EBUSY, across file systems EXDEV): `render`,
`extract` and `export-schemas` did their whole work, wrote it beside the mount point on the
parent's file system, then failed `[output-io]` naming their hidden staging folder; `publish
--dry-run` copied the release, then ended `[unusable-path] ...: Device or resource busy`. Each now
refuses it before any work (`output-refused`), naming the path and why; a folder inside a mount
point is written as any other.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from landstrikes.cli import main


@pytest.fixture
def mount_point(tmp_path):
    point = tmp_path / "mounted"
    point.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    yield point
    subprocess.run(["umount", str(point)], check=False)


def test_an_empty_mount_point_is_refused_before_any_work(mount_point, capsys):
    assert os.path.ismount(mount_point)
    assert main(["export-schemas", "--out", str(mount_point)]) == 2
    err = capsys.readouterr().err
    assert "mount point" in err and "[output-refused]" in err and err.count("\n") == 1, err
    assert "landstrikes-staging" not in err  # the path named is the user's, not a hidden folder of ours
    assert os.listdir(mount_point) == []
    assert [p.name for p in mount_point.parent.iterdir()] == ["mounted"]  # nothing staged beside it


def test_a_folder_inside_a_mount_point_is_written(mount_point):
    assert main(["export-schemas", "--out", str(mount_point / "schemas")]) == 0
    assert (mount_point / "schemas" / "quotes.schema.yaml").is_file()


def test_publish_dry_run_refuses_an_empty_mount_point_before_copying(mount_point):
    """`publish --dry-run --out` copied the release beside the mount point, then ended
    `[unusable-path] ...: Device or resource busy` removing it."""
    from landstrikes.releases.publish import prepare_out
    from landstrikes.safety.outdir import OutputRefused

    with pytest.raises(OutputRefused) as refused:
        prepare_out(mount_point)
    assert refused.value.check == "output-refused" and "mount point" in str(refused.value)
