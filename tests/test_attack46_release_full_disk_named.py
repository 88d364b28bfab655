"""A release that a full disk stops names the write that failed, under the releases folder, as a
write failure (`[build-io]`, as build's), never a source it was copying from (attack46).

attack13's test made the copy fail with an error naming the releases folder; a real full disk
(here RLIMIT_FSIZE: writes past N bytes fail with EFBIG, as with ENOSPC) fails inside
`shutil.copyfile`, whose OSError names the *source* first: `release` printed `[unusable-path]
DATASHEET.md: File too large`, sending the user to a document that was fine, and an Arrow table
write that failed read `[unusable-path] dataset: Error writing bytes to file`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest


def _release_on_a_full_disk(dataset, limit):
    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "landstrikes", "release", "1.0.2", "--dataset", str(dataset)],
                          cwd=dataset.parent, preexec_fn=small_files, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})


@pytest.mark.parametrize("limit", [1_000, 60_000])  # a table's write fails; a document's copy fails
def test_a_release_stopped_by_a_full_disk_names_the_write_under_the_releases_folder(released_copy, limit):
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    assert sheet.stat().st_size > 60_000  # (so that its copy is among the writes that fail)
    before = (released_copy.parent / "CHANGELOG.md").read_bytes()
    done = _release_on_a_full_disk(released_copy, limit)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: [build-io] {released_copy / 'releases'}"), line
    assert "File too large" in line
    assert not (released_copy / "releases" / "1.0.2").exists()
    assert not list((released_copy / "releases").glob(".staging-*"))
    assert (released_copy.parent / "CHANGELOG.md").read_bytes() == before


def test_a_changelog_that_cannot_be_written_is_named_and_its_partial_copy_removed(released_copy):
    """The changelog is written last, beside the dataset folder: its pending copy had stayed there,
    as large as the disk allowed, after the refusal (named `[unusable-path] dataset`)."""
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    changelog = released_copy.parent / "CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8") + "\n- an old entry's line\n" * 60_000, encoding="utf-8")
    largest_other = max(p.stat().st_size for p in released_copy.parent.rglob("*") if p.is_file() and p != changelog)
    assert changelog.stat().st_size > largest_other + 100_000  # so the changelog is the write that fails
    before = changelog.read_bytes()
    done = _release_on_a_full_disk(released_copy, largest_other + 50_000)
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: [build-io] {released_copy.parent / '.CHANGELOG.md.'}"), line
    assert not list(released_copy.parent.glob(".CHANGELOG.md.*"))
    assert not (released_copy / "releases" / "1.0.2").exists()
    assert changelog.read_bytes() == before


def test_a_dry_run_publish_on_a_full_disk_is_an_output_failure_naming_its_out(released_copy, tmp_path):
    """publish --dry-run copies the release into a temporary folder beside --out: a full disk there
    read `[unusable-path] .publish-XXXX/upload/...: cannot copy ...`, a folder already removed, under
    the id of a path that cannot be used, where render, extract and export-schemas say `[output-io]`."""
    out = tmp_path / "upload"

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000, 1_000))

    done = subprocess.run([sys.executable, "-m", "landstrikes", "publish", "1.0.1", "--dataset", str(released_copy),
                           "--dry-run", "--out", str(out)], cwd=tmp_path, preexec_fn=small_files, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: [output-io] {out}: cannot write the upload folder"), line
    assert "File too large" in line
    assert not out.exists() and not list(tmp_path.glob(".publish-*"))
