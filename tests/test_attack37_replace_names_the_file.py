"""attack37: a file replacement whose rename fails names the file it replaces, not its temporary.
attack34 made a failed write name its file where the OSError named none (a full disk), but a
failed rename names both files and the first is the temporary: `stats` with a DATASHEET.md that is
a bind-mounted file (a container's mount of the host's) ended `[unusable-path]
.../.DATASHEET.md.uizszbli.landstrikes-tmp: Device or resource busy`, a name that no longer exists
and says nothing of the datasheet."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from landstrikes.cli import main
from landstrikes.safety.replacefile import replace_file

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="bind mounts need root")


def _bound(host, target):
    if subprocess.run(["mount", "--bind", str(host), str(target)], capture_output=True).returncode:
        pytest.skip("no bind mounts here")


def test_a_failed_rename_names_the_replaced_file(tmp_path):
    host, target = tmp_path / "host.json", tmp_path / "report.json"
    host.write_text("{}\n")
    target.touch()
    _bound(host, target)
    try:
        with pytest.raises(OSError) as caught:
            replace_file(target, b"[]\n")
    finally:
        subprocess.run(["umount", str(target)], check=True)
    assert caught.value.filename == str(target)
    assert host.read_text() == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["host.json", "report.json"]


def test_stats_names_a_bind_mounted_datasheet(released_copy, capsys):
    sheet = released_copy.parent / "DATASHEET.md"
    host = released_copy.parent / "host-DATASHEET.md"
    text = sheet.read_text(encoding="utf-8")
    i = text.index("-->") + 3
    host.write_text(text[:i] + "\nSTALE\n" + text[i:], encoding="utf-8")
    _bound(host, sheet)
    try:
        capsys.readouterr()
        assert main(["stats", "--dataset", str(released_copy)]) == 2
        err = capsys.readouterr().err
    finally:
        subprocess.run(["umount", str(sheet)], check=True)
    assert f"{sheet}:" in err and "landstrikes-tmp" not in err, err
