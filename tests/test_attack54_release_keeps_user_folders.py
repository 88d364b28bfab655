"""attack54: `release` first removes what an interrupted release left in the releases folder, and
took any folder of mkdtemp's name, `.staging-<X.Y.Z>-` and 8 of [a-z0-9_], for its staging folder
(attack52 narrowed it from any `.staging-*`): a user's `.staging-2.36.0-20261207/` (a release
prepared by hand, a date for the 8 characters) was removed with its files, even by a release then
refused. A release now writes a mark beside its staging folder as soon as it is made and removes
it with the folder; only a marked (or empty) folder is an interrupted release's."""

from __future__ import annotations

from landstrikes.releases.release import STAGING_MARK
from test_attack52_release_keeps_user_folders import release


def test_a_users_folder_of_a_staging_name_is_kept_and_named(released_copy):
    mine = released_copy / "releases" / ".staging-2.36.0-20261207"
    mine.mkdir()
    (mine / "MANIFEST.json").write_text('{"draft": true}\n', encoding="utf-8")
    done = release(released_copy, "1.0.1")  # not above the last: refused, after the repair
    assert done.returncode == 2, done.stderr
    assert (mine / "MANIFEST.json").read_text(encoding="utf-8") == '{"draft": true}\n'
    assert f"kept {mine.name}" in done.stdout + done.stderr


def test_an_interrupted_releases_marked_or_empty_staging_folder_and_a_stray_mark_are_removed(released_copy):
    releases = released_copy / "releases"
    marked, empty = releases / ".staging-1.0.2-k3x_9q2a", releases / ".staging-1.0.2-0a1b2c3d"
    marked.mkdir()
    (marked / "MANIFEST.json").write_text("{}", encoding="utf-8")
    (releases / (marked.name + STAGING_MARK)).write_bytes(b"")
    empty.mkdir()
    stray = releases / (".staging-1.0.2-zz99zz99" + STAGING_MARK)  # its folder was renamed into place before the kill
    stray.write_bytes(b"")
    done = release(released_copy, "1.0.1")
    assert done.returncode == 2, done.stderr
    assert sorted(p.name for p in releases.iterdir()) == ["1.0.0", "1.0.1"]


def test_a_release_leaves_no_mark_behind(changed):
    done = release(changed, "1.0.2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in (changed / "releases").iterdir()) == ["1.0.0", "1.0.1", "1.0.2"]
