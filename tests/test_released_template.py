"""`released_copy` is copied from one template (conftest.released_template) instead of being made
afresh per test, and `changed` from conftest.changed_template: every copy holds the files, bytes
and modes each test made for itself before."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from conftest import changed_made_afresh, released_copy_made_afresh


def files(root: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry under root: a file's bytes or a link's target, with its mode bits."""
    found = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            found[path.relative_to(root).as_posix()] = (str(path.readlink()), stat.S_IMODE(mode))
        elif path.is_file():
            found[path.relative_to(root).as_posix()] = (path.read_bytes(), stat.S_IMODE(mode))
        else:
            found[path.relative_to(root).as_posix() + "/"] = (b"", stat.S_IMODE(mode))
    return found


def test_a_released_copy_is_what_a_copy_made_afresh_holds(released, released_copy, tmp_path_factory):
    afresh = released_copy_made_afresh(released, tmp_path_factory.mktemp("afresh"))
    made, copied = files(afresh.parent), files(released_copy.parent)
    assert sorted(copied) == sorted(made)
    assert [name for name in made if copied[name] != made[name]] == []


def test_a_change_to_one_copy_is_not_in_the_next(released_copy, released_template):
    (released_copy.parent / "DATASHEET.md").write_text("changed by a test", encoding="utf-8")
    (released_copy / "releases" / "1.0.1" / "MANIFEST.json").unlink()
    assert (released_template.parent / "DATASHEET.md").read_text(encoding="utf-8") != "changed by a test"
    assert (released_template / "releases" / "1.0.1" / "MANIFEST.json").is_file()


def test_a_changed_copy_is_what_a_released_copy_changed_afresh_holds(released_template, changed, tmp_path_factory):
    root = tmp_path_factory.mktemp("changed-afresh")  # a released_copy of its own (as that fixture copies it)
    shutil.copytree(released_template.parent, root, dirs_exist_ok=True, symlinks=True)
    afresh = changed_made_afresh(root / "dataset")
    made, copied = files(afresh.parent), files(changed.parent)
    assert sorted(copied) == sorted(made)
    assert [name for name in made if copied[name] != made[name]] == []
    assert "(USMCA)\"" in (changed / "annotations" / "articles" / "001_f1f49e9dc8ada067.yaml").read_text(encoding="utf-8")
