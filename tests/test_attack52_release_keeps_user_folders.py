"""attack52: `release` first removes what an interrupted release left in the releases folder, and
took every folder there whose name starts `.staging-` for one: a user's `releases/.staging-notes/`
with its files was removed (`repaired: removed .staging-notes, the staging folder of an interrupted
release`), even by a release then refused. A release's staging folder is mkdtemp's
`.staging-<X.Y.Z>-` and 8 of [a-z0-9_]: only such a folder is removed now."""

from __future__ import annotations

import os
import subprocess
import sys

from landstrikes.releases.release import STAGING_MARK


def release(folder, version: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "landstrikes", "release", version, "--dataset", str(folder)],
                          capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=600)


def test_a_users_staging_named_folder_in_releases_is_kept(released_copy):
    mine = released_copy / "releases" / ".staging-notes"
    mine.mkdir()
    (mine / "todo.txt").write_text("my notes\n", encoding="utf-8")
    left = released_copy / "releases" / ".staging-1.0.2-k3x_9q2a"
    left.mkdir()
    (left / "MANIFEST.json").write_text("{}", encoding="utf-8")
    (left.parent / (left.name + STAGING_MARK)).write_bytes(b"")  # a release marks its staging folder (attack54)
    done = release(released_copy, "1.0.1")  # not above the last: refused, after the repair
    assert done.returncode == 2, done.stderr
    assert (mine / "todo.txt").read_text(encoding="utf-8") == "my notes\n"
    assert not left.exists(), "an interrupted release's staging folder is still removed"


def test_a_users_copy_of_the_changelog_is_kept(released_copy):
    """`.CHANGELOG.md.original` (8 letters, as a temporary changelog of releases before the
    `.landstrikes-pending` suffix was named) is a user's backup: it was removed as "a changelog an
    interrupted release did not finish". Such a name is taken for one only when it holds the
    changelog with an entry added, as a release stages it; an old release's leftover still goes."""
    changelog = released_copy.parent / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    backup = changelog.parent / ".CHANGELOG.md.original"
    backup.write_text(text, encoding="utf-8")
    leftover = changelog.parent / ".CHANGELOG.md.k3x_9q2a"
    leftover.write_text(text.rstrip("\n") + "\n\n## 1.0.2 (2026-01-01)\n\nan entry\n", encoding="utf-8")
    done = release(released_copy, "1.0.1")
    assert done.returncode == 2, done.stderr
    assert backup.read_text(encoding="utf-8") == text
    assert not leftover.exists()
