"""A release that fails to be written (a full disk, a read-only mount: ENOSPC and EACCES simulated,
as root cannot be refused by permission bits) is all or nothing: one line, exit 2, no release
folder, no staging folder, no pending changelog, CHANGELOG.md unchanged. Attack13: held."""

from __future__ import annotations

import errno
import shutil

import pytest

from landstrikes.cli import main
from landstrikes.releases import release as release_module

ERRORS = {"ENOSPC": (errno.ENOSPC, "No space left on device"), "EACCES": (errno.EACCES, "Permission denied")}
STEPS = ["copy", "manifest"]


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("error", list(ERRORS))
def test_attack_held_a_release_that_cannot_be_written_leaves_nothing(released_copy, monkeypatch, capsys, error, step):
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    changelog = released_copy.parent / "CHANGELOG.md"
    before = changelog.read_bytes()
    code, reason = ERRORS[error]

    def fail(*args, **kwargs):
        raise OSError(code, reason, str(released_copy / "releases"))

    if step == "copy":
        real = shutil.copyfile  # what copy2 and copytree copy with
        calls = []

        def copy_then_fail(src, dst, *args, **kwargs):
            calls.append(src)
            if len(calls) > 3:
                fail()
            return real(src, dst, *args, **kwargs)

        monkeypatch.setattr(shutil, "copyfile", copy_then_fail)
    else:
        monkeypatch.setattr(release_module, "make_manifest", fail)
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
    err = capsys.readouterr().err
    if step == "copy":
        assert len(calls) > 3, "the copy of the documents failed half-way"
    assert len(err.strip().splitlines()) == 1 and reason in err and "Traceback" not in err, err
    assert not (released_copy / "releases" / "1.0.2").exists()
    assert not list((released_copy / "releases").glob(".staging-*"))
    assert not list(released_copy.parent.glob(".CHANGELOG.md.*"))
    assert changelog.read_bytes() == before


def test_an_empty_folder_among_the_figures_is_not_released(released_copy, capsys):
    """git stores no empty folder, so a release cut with one would differ from its commit, and verify
    refuses one (`unlisted-folder`): the copy of the documents leaves empty folders out."""
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    (released_copy.parent / "docs" / "figures" / "old" / "older").mkdir(parents=True)
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 0, capsys.readouterr()
    assert not (released_copy / "releases" / "1.0.2" / "docs" / "figures" / "old").exists()
    assert main(["verify", "1.0.2", "--dataset", str(released_copy)]) == 0
