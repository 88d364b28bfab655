"""`release` first removes what an interrupted release left: only its own temporary changelogs
(`.CHANGELOG.md.<8 random>`, now with a `.landstrikes-pending` suffix), never an editor's files
beside the changelog (vim's swap and undo files, a merge tool's .orig)."""

from __future__ import annotations

import pytest

from landstrikes.releases.release import repair, stage_changelog

EDITORS = [".CHANGELOG.md.swp", ".CHANGELOG.md.un~", ".CHANGELOG.md.orig", ".CHANGELOG.md.bak", ".CHANGELOG.md.my-notes"]


@pytest.fixture
def changelog(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    path.write_text("# Changelog\n\nentries\n", encoding="utf-8")
    (tmp_path / "dataset" / "releases").mkdir(parents=True)
    return path


def test_repair_keeps_an_editors_files_beside_the_changelog(changelog):
    for name in EDITORS:
        (changelog.parent / name).write_text("someone's\n", encoding="utf-8")
    repair(changelog.parent / "dataset" / "releases", changelog)
    assert sorted(p.name for p in changelog.parent.glob(".CHANGELOG.md.*")) == sorted(EDITORS)


def test_repair_removes_the_temporary_changelog_an_interrupted_release_left(changelog):
    pending = stage_changelog(changelog, "## 9.9.9 (x)\n")
    legacy = changelog.parent / ".CHANGELOG.md.k3j_9zq1"  # the name before the suffix: 8 random characters
    # what the release staged there: the changelog with its entry (a name of that form holding
    # anything else is a user's, `.CHANGELOG.md.original`: kept since attack52)
    legacy.write_text(changelog.read_text(encoding="utf-8").rstrip("\n") + "\n\n## 9.9.8 (x)\n", encoding="utf-8")
    lines = repair(changelog.parent / "dataset" / "releases", changelog)
    assert not pending.exists() and not legacy.exists() and len(lines) == 2
    assert changelog.read_text(encoding="utf-8") == "# Changelog\n\nentries\n"
