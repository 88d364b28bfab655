"""`release` keeps CHANGELOG.md's permissions and writes it where a link points (attack34).

`release` writes CHANGELOG.md through its own temporary file (`.CHANGELOG.md.*.landstrikes-pending`),
which `mkstemp` makes 0600, renamed over the changelog: every release, and every repair of an
interrupted one, left the changelog readable by its owner only where it had been 0644 or a team's
0664; and a CHANGELOG.md that is a symbolic link was replaced by a file, the file it named left
without the entry. The pending changelog now takes the changelog's permissions (a new one the
umask's), and is written beside, and renamed over, the file the link names.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from landstrikes.cli import main
from landstrikes.releases.release import changelog_heading, repair, stage_changelog


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_staged_changelog_keeps_the_changelog_s_permissions(tmp_path):
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 1.0.0 (2020-01-01)\n", encoding="utf-8")
    os.chmod(changelog, 0o664)
    pending = stage_changelog(changelog, "## 1.0.1 (2020-01-02)\n")
    try:
        assert _mode(pending) == 0o664
    finally:
        pending.unlink()


def _without_newest_entry(released_copy: Path) -> Path:
    changelog = released_copy.parent / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text[: text.index(changelog_heading("1.0.1"))].rstrip("\n") + "\n", encoding="utf-8")
    return changelog


def test_a_repaired_changelog_keeps_its_permissions(released_copy):
    changelog = _without_newest_entry(released_copy)
    os.chmod(changelog, 0o664)
    assert repair(released_copy / "releases", changelog)  # the entry of 1.0.1 is written again
    assert changelog_heading("1.0.1") in changelog.read_text(encoding="utf-8")
    assert _mode(changelog) == 0o664


def test_a_linked_changelog_gets_its_entry_where_the_link_points(released_copy):
    changelog = _without_newest_entry(released_copy)
    real = released_copy.parent / "docs" / "CHANGELOG.src.md"
    real.parent.mkdir(exist_ok=True)
    changelog.rename(real)
    changelog.symlink_to(real)
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2  # nothing changed: refused after the repair
    assert changelog.is_symlink()
    assert changelog_heading("1.0.1") in real.read_text(encoding="utf-8")
    assert not [p.name for p in real.parent.iterdir() if p.name.startswith(".CHANGELOG")]
