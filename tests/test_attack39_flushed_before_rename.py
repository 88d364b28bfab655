"""Every rename into place flushes the new bytes first and the folder after (attack39).

A rename survives a kill, but a power cut can reach the disk with the rename and without the
bytes it points at: the name then holds an empty or partial file where the old one was (XFS,
btrfs, ext4 without its rename heuristic). `replace_file` (README, DATASHEET, stats.json, the
figures, every `--json` report, agreement.json, the word-list cache, export-schemas' files),
`release` (its folder, and the CHANGELOG entry, also written by the repair) and
`publish --dry-run` (its copy) renamed without a flush; `build` and the `--out` folders did flush.
The calls are recorded in order: `os.fsync` (its fd named by /proc) and `os.rename`/`os.replace`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from landstrikes.cli import main
from landstrikes.releases.release import changelog_heading, repair
from landstrikes.safety.replacefile import replace_text


@pytest.fixture
def calls(monkeypatch):
    recorded: list[tuple[str, str, str]] = []
    fsync, rename, replace = os.fsync, os.rename, os.replace

    def record_fsync(fd):
        recorded.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"), ""))
        return fsync(fd)

    def where(path, dir_fd):  # a name in a folder given by its descriptor (attack69) is that folder's
        return os.path.abspath(path) if dir_fd is None else os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)

    def record_rename(src, dst, *args, **kwargs):
        recorded.append(("rename", where(src, kwargs.get("src_dir_fd")), where(dst, kwargs.get("dst_dir_fd"))))
        return rename(src, dst, *args, **kwargs)

    def record_replace(src, dst, *args, **kwargs):
        recorded.append(("rename", os.path.abspath(src), os.path.abspath(dst)))
        return replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", record_fsync)
    monkeypatch.setattr(os, "rename", record_rename)
    monkeypatch.setattr(os, "replace", record_replace)
    return recorded


def _flushed_around(recorded, target: Path, files_of_source=None) -> None:
    """The rename onto target had its source's bytes flushed before it, and target's folder after."""
    target = os.path.realpath(target)
    into = [i for i, (kind, _, dst) in enumerate(recorded) if kind == "rename" and dst == target]
    assert into, f"no rename onto {target}: {recorded}"
    i = into[-1]
    source = recorded[i][1]
    before = {path for kind, path, _ in recorded[:i] if kind == "fsync"}
    wanted = {source} | {os.path.join(source, name) for name in (files_of_source or [])}
    assert wanted <= before, f"not flushed before the rename onto {target}: {sorted(wanted - before)}"
    after = {path for kind, path, _ in recorded[i + 1:] if kind == "fsync"}
    assert os.path.dirname(target) in after, f"{os.path.dirname(target)} not flushed after the rename"


def test_a_replaced_file_is_flushed_before_its_rename_and_its_folder_after(calls, tmp_path):
    report = tmp_path / "r.json"
    report.write_text('{"old": 1}\n', encoding="utf-8")
    replace_text(report, '{"new": 1}\n')
    _flushed_around(calls, report)


def test_a_repaired_changelog_entry_is_flushed(calls, released_copy):
    changelog = released_copy.parent / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text[: text.index(changelog_heading("1.0.1"))].rstrip("\n") + "\n", encoding="utf-8")
    calls.clear()
    assert repair(released_copy / "releases", changelog)
    _flushed_around(calls, changelog)


def test_a_release_and_its_changelog_entry_are_flushed(calls, released_copy, capsys):
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    calls.clear()
    assert main(["release", "1.0.2", "--dataset", str(released_copy)]) == 0, capsys.readouterr()
    release = released_copy / "releases" / "1.0.2"
    _flushed_around(calls, release, ["MANIFEST.json", "DATASHEET.md", "croissant.json"])
    _flushed_around(calls, released_copy.parent / "CHANGELOG.md")


def test_a_dry_run_copy_is_flushed_before_it_takes_the_name(calls, released_copy, tmp_path):
    out = tmp_path / "upload"
    assert main(["publish", "1.0.1", "--dry-run", "--out", str(out), "--dataset", str(released_copy)]) == 0
    _flushed_around(calls, out, ["MANIFEST.json", "croissant.json"])


@pytest.mark.parametrize("earlier_output", [False, True], ids=["new-out", "over-an-earlier-out"])
def test_an_out_folder_is_flushed_once_before_it_takes_the_name(calls, tmp_path, monkeypatch, earlier_output):
    """output_folder flushes its staging when it marks it complete; the rename into place then
    flushed the whole tree again (every file twice). Each staged file: one flush, before the rename."""
    from landstrikes.safety import outdir, swap

    monkeypatch.setattr(swap, "EXCHANGE", False)  # the rename path (the exchange path renames nothing)
    out = tmp_path / "out"
    if earlier_output:
        with outdir.output_folder(out, "export-schemas") as staging:
            (staging / "old.txt").write_text("old\n", encoding="utf-8")
        calls.clear()
    with outdir.output_folder(out, "export-schemas") as staging:
        for name in ("a.txt", "b.txt"):
            (staging / name).write_text(name, encoding="utf-8")
    _flushed_around(calls, out, ["a.txt", "b.txt"])
    flushed = [path for kind, path, _ in calls if kind == "fsync" and path.endswith(("/a.txt", "/b.txt"))]
    assert len(flushed) == 2, flushed
