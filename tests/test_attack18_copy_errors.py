"""A copy that fails on a full disk is one line naming the file it could not write (attack18).

`release` and `publish --dry-run` copy folders with `shutil.copytree`, which gathers every file it
could not copy into one `shutil.Error` whose text is a Python list of (source, target, reason)
tuples. On a full disk `release` printed that list (three figures, 1,300 characters, no check
id) and `publish` printed `[unusable-path] input: [('…` naming no file. Both now name the first
file not written, the reason, and how many more failed (exit 2); the release is not made and can
be made again once there is room. attack46: the id is the one for a write that failed, `[build-io]`
for release (as build's) and `[output-io]` for publish (as render's), no longer `[unusable-path]`."""

from __future__ import annotations

from test_full_disk import run_on_a_full_disk

from pathlib import Path


def figure_sized(folder: Path) -> int:
    """A per-file write limit that every file but the figures fits and some figure does not: one byte
    above the largest other file. (A fixed 150,000 stopped at DATASHEET.md once it grew past it, and the
    error then named no figure.)"""
    sizes = {p: p.stat().st_size for p in folder.rglob("*") if p.is_file()}
    limit = 1 + max(size for p, size in sizes.items() if p.suffix != ".png")
    assert any(size > limit for p, size in sizes.items() if p.suffix == ".png"), "no figure larger than every other file"
    return limit


def _one_line_naming_a_file(proc, check: str) -> str:
    err = proc.stderr
    assert proc.returncode == 2, proc.stdout + err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert f"[{check}]" in err and "[('" not in err, err
    assert ".png" in err and "more" in err, err
    assert len(err) < 600, err
    return err


def test_release_on_a_full_disk_names_the_file_it_could_not_copy(changed, tmp_path):
    proc = run_on_a_full_disk(figure_sized(changed.parent), "release", "--dataset", str(changed), "1.0.2", cwd=tmp_path)
    _one_line_naming_a_file(proc, "build-io")
    assert not (changed / "releases" / "1.0.2").exists()
    again = run_on_a_full_disk(2**40, "release", "--dataset", str(changed), "1.0.2", cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr


def test_publish_dry_run_on_a_full_disk_names_the_file_it_could_not_copy(released_copy, tmp_path):
    out = tmp_path / "upload"
    proc = run_on_a_full_disk(figure_sized(released_copy.parent), "publish", "1.0.1", "--dataset", str(released_copy), "--dry-run",
                              "--out", str(out), cwd=tmp_path)
    _one_line_naming_a_file(proc, "output-io")
    assert not out.exists()
