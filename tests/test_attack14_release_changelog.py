"""`release` repairs only what an interruption can leave: the newest release's missing changelog
entry (attack14). Before, its repair step added an entry for every release the changelog lacked,
even on a run then refused: `release 2.2.O --changelog ../other/CHANGELOG.md` (a typo'd version,
another project's changelog, whose first line is `# Changelog` like every keep-a-changelog file)
appended this dataset's whole release history to it, then said the version was wrong (exit 2).
Seen failing on main's code: the file grew by the entries of 1.0.0 and 1.0.1."""

from __future__ import annotations

from landstrikes.cli import main

FOREIGN = "# Changelog\n\nAll notable changes to otherproject.\n\n## [1.2.0] - 2026-01-01\n- stuff\n"


def test_a_refused_release_never_writes_its_history_into_another_changelog(released_copy, tmp_path, capsys):
    other = tmp_path / "other" / "CHANGELOG.md"
    other.parent.mkdir()
    other.write_text(FOREIGN, encoding="utf-8")
    assert main(["release", "1.0.O", "--dataset", str(released_copy), "--changelog", str(other)]) == 2
    err = capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == FOREIGN
    assert err.count("\n") == 1 and "[unwritable-changelog]" in err and "no entry for release 1.0.0" in err
    assert main(["release", "1.0.2", "--dataset", str(released_copy), "--changelog", str(other)]) == 2
    assert other.read_text(encoding="utf-8") == FOREIGN
    assert sorted(p.name for p in (released_copy / "releases").iterdir()) == ["1.0.0", "1.0.1"]


def test_attack_held_the_newest_missing_entry_is_still_repaired(released_copy, capsys):
    """The state a kill between the rename and the changelog write leaves (each step is killed in
    test_release_integrity.py): only the newest entry missing, which is regenerated."""
    changelog = released_copy.parent / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text[: text.index("\n## 1.0.1 (")] + "\n", encoding="utf-8")
    assert main(["release", "1.0.O", "--dataset", str(released_copy)]) == 2
    out = capsys.readouterr().out
    assert "repaired: added the missing CHANGELOG entry of release 1.0.1" in out
    assert changelog.read_text(encoding="utf-8").count("## 1.0.1 (") == 1


def test_a_missing_older_entry_is_refused_not_invented(released_copy, capsys):
    changelog = released_copy.parent / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    start, end = text.index("## 1.0.0 ("), text.index("## 1.0.1 (")
    changelog.write_text(text[:start] + text[end:], encoding="utf-8")
    before = changelog.read_text(encoding="utf-8")
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 2
    assert "[unwritable-changelog]" in capsys.readouterr().err
    assert changelog.read_text(encoding="utf-8") == before
