"""attack37: a CHANGELOG.md that is a mount point (a bind-mounted file, as a container mounts the
host's file) cannot be replaced by a rename (EBUSY). `release` renamed the new release into place
first and only then renamed its pending changelog over CHANGELOG.md: the run ended
`[unusable-path] .../.CHANGELOG.md.xxxxxxxx.landstrikes-pending: Device or resource busy`, exit 2,
naming a temporary file, with release 1.0.2 made and its changelog entry missing; every later
release then stopped in the repair of that entry, the same way. Such a changelog is refused before
any work, named, [unwritable-changelog], as any changelog release will not write."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from landstrikes.cli import main

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="bind mounts need root")


def test_a_bind_mounted_changelog_is_refused_before_the_release(released_copy, capsys):
    changelog = released_copy.parent / "CHANGELOG.md"
    host = released_copy.parent / "host-CHANGELOG.md"
    shutil.copy(changelog, host)
    before = host.read_bytes()
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    if subprocess.run(["mount", "--bind", str(host), str(changelog)], capture_output=True).returncode:
        pytest.skip("no bind mounts here")
    try:
        capsys.readouterr()
        assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
        err = capsys.readouterr().err
    finally:
        subprocess.run(["umount", str(changelog)], check=True)
    assert "[unwritable-changelog]" in err and f"'{changelog}' is a mount point" in err, err
    assert not (released_copy / "releases" / "1.0.2").exists()
    assert host.read_bytes() == before
    assert not list(released_copy.parent.glob(".CHANGELOG.md.*"))
