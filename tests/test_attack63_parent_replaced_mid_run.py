"""An `--out` whose folder is moved or replaced while the command runs is refused before anything is
put in place, and nothing is left at either place (attack63). Every write and the final swap went by
path: with `P` replaced mid-run by a link to a folder `E` holding the user's own `E/site`, the writes
after the change made `E/.site.landstrikes-staging-*` (render's `mkdir(parents=True)`), which was
marked complete and exchanged with `E/site`: exit 0, a partial site in place of the user's folder,
the user's files hidden in a staging folder. Here the pages a run writes after the change are stood
for by a copy of its staging folder at the new place."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from landstrikes.safety import faults, outdir


def _until(found, proc: subprocess.Popen, seconds: float) -> None:
    """Wait until found() (the run is at its fault point), failing if the run ends or time runs out."""
    deadline = time.monotonic() + seconds
    while not found():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)


def test_an_out_whose_parent_is_replaced_by_a_link_mid_run_changes_nothing_there(tmp_path):
    parent, elsewhere, moved = tmp_path / "P", tmp_path / "E", tmp_path / "P-moved"
    parent.mkdir()
    (elsewhere / "schemas").mkdir(parents=True)
    (elsewhere / "schemas" / "mine.txt").write_text("the user's own", encoding="utf-8")
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "landstrikes", "export-schemas", "--out", str(parent / "schemas")],
                            env={**os.environ, "HF_HUB_OFFLINE": "1", faults.ENV: f"outdir:staged@wait={go}"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _until(lambda: [p for p in parent.iterdir() if outdir.STAGING_TAG in p.name and len(os.listdir(p)) > 5], proc, 60)
    time.sleep(0.5)  # (every schema written: the run waits at outdir:staged)
    staging = next(p for p in parent.iterdir() if outdir.STAGING_TAG in p.name)
    parent.rename(moved)
    parent.symlink_to(elsewhere)
    shutil.copytree(moved / staging.name, elsewhere / staging.name)  # what writes by path after the change make
    go.touch()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and err.count("\n") == 1 and "[output-io]" in err, err
    assert "was moved, deleted or replaced while the command ran" in err, err
    assert sorted(os.listdir(elsewhere)) == ["schemas"], os.listdir(elsewhere)
    assert os.listdir(elsewhere / "schemas") == ["mine.txt"]
    assert os.listdir(moved) == []  # its own staging folder removed, where it went


def test_a_dataset_replaced_by_a_link_mid_build_keeps_the_other_datasets_tables(whole_copy, tmp_path):
    """The same for `build`: its staging folder is made in the dataset folder, validated, swapped in
    by path. A copy of the staging folder at the new place stands for the tables written after the change."""
    other = tmp_path / "other"
    shutil.copytree(whole_copy, other)
    theirs = {p.relative_to(other).as_posix(): p.read_bytes() for p in (other / "data").rglob("*.parquet")}
    (other / "data" / "quotes" / "quotes.parquet").write_bytes(b"the other dataset's own bytes")
    theirs["data/quotes/quotes.parquet"] = b"the other dataset's own bytes"
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "landstrikes", "build", "--dataset", str(whole_copy)],
                            env={**os.environ, "HF_HUB_OFFLINE": "1", faults.ENV: f"build:validated@wait={go}"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _until(lambda: [p for p in whole_copy.iterdir() if p.name.startswith(".build-") and (p / "README.md").exists()], proc, 60)
    time.sleep(1.5)  # (validated: the build waits at build:validated)
    staging = next(p for p in whole_copy.iterdir() if p.name.startswith(".build-"))
    moved = tmp_path / "moved"
    whole_copy.rename(moved)
    whole_copy.symlink_to(other)
    shutil.copytree(moved / staging.name, other / staging.name)
    go.touch()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "[build-io]" in err and "was moved or replaced while the build ran" in err, err
    assert {p.relative_to(other).as_posix(): p.read_bytes() for p in (other / "data").rglob("*.parquet")} == theirs
    assert not [p for p in other.iterdir() if p.name.startswith(".build-")]


def test_a_releases_folder_replaced_by_a_link_mid_release_gets_no_release(released_copy, tmp_path):
    """The same for `release`: its staging folder is made in releases/ and renamed into place by path."""
    sheet = released_copy.parent / "DATASHEET.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\nA corrected sentence.\n", encoding="utf-8")
    root, other = released_copy / "releases", tmp_path / "other-releases"
    shutil.copytree(root, other)
    before = sorted(os.listdir(other))
    go = tmp_path / "go"
    proc = subprocess.Popen([sys.executable, "-m", "landstrikes", "release", "1.0.2", "--dataset", str(released_copy)],
                            env={**os.environ, "HF_HUB_OFFLINE": "1", faults.ENV: f"release:before-rename@wait={go}"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _until(lambda: [p for p in root.iterdir() if p.name.startswith(".staging-") and (p / "MANIFEST.json").exists()], proc, 120)
    time.sleep(1.5)  # (verified, its changelog entry staged: the release waits at release:before-rename)
    staging = next(p for p in root.iterdir() if p.name.startswith(".staging-") and p.is_dir())
    root.rename(tmp_path / "moved")
    root.symlink_to(other)
    shutil.copytree(tmp_path / "moved" / staging.name, other / staging.name)
    go.touch()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "was moved or replaced while the release was made" in err, err
    assert "1.0.2" not in os.listdir(other)
    assert "## 1.0.2 (" not in (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert sorted(p for p in os.listdir(other) if not p.startswith(".staging-")) == before
