"""An `--out` folder that exists keeps its permissions, owner and group (attack34).

`render`, `extract` and `export-schemas` stage their output in a new sibling folder and swap it in
whole. The folder the user had named was then replaced by the staging folder, made with the
process's umask: `mkdir -m 700 private && landstrikes render --out private` gave a site readable by
every user (0755), a setgid group folder lost its group and its bit, and so did an earlier output
the user had closed with `chmod 700` when the next run replaced it. The staged folder now takes the
existing folder's mode, owner and group before it is swapped in.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from landstrikes.cli import main


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_an_existing_empty_private_folder_stays_private(tmp_path):
    out = tmp_path / "private"
    out.mkdir()
    os.chmod(out, 0o700)
    assert main(["export-schemas", "--out", str(out)]) == 0
    assert (out / "quotes.schema.yaml").is_file()
    assert _mode(out) == 0o700


def test_a_setgid_group_folder_keeps_its_bits_and_group(tmp_path):
    out = tmp_path / "shared"
    out.mkdir()
    os.chmod(out, 0o2770)
    gid = os.stat(out).st_gid
    if os.geteuid() == 0:  # root may give the folder another group, as a team's shared folder has
        gid = 65534
        os.chown(out, -1, gid)
        os.chmod(out, 0o2770)
    assert main(["export-schemas", "--out", str(out)]) == 0
    info = os.stat(out)
    assert stat.S_IMODE(info.st_mode) == 0o2770 and info.st_gid == gid


def test_an_earlier_output_closed_by_its_owner_stays_closed_when_written_again(tmp_path):
    out = tmp_path / "schemas"
    assert main(["export-schemas", "--out", str(out)]) == 0
    os.chmod(out, 0o700)
    assert main(["export-schemas", "--out", str(out)]) == 0
    assert _mode(out) == 0o700


def test_publish_dry_run_into_an_empty_private_folder_keeps_it_private(released_copy, tmp_path):
    """`publish --dry-run --out` removed the empty folder and renamed its copy (the release's 0755)
    into its place."""
    out = tmp_path / "upload"
    out.mkdir()
    os.chmod(out, 0o700)
    assert main(["publish", "1.0.1", "--dry-run", "--out", str(out), "--dataset", str(released_copy)]) == 0
    assert (out / "MANIFEST.json").is_file()
    assert _mode(out) == 0o700
