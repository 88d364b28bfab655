"""An earlier output's marker is input too: a path it lists that runs through a symbolic link
must not make `--out` delete a file outside the output folder (attack2, class 6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from landstrikes.safety.outdir import MARKER, output_folder


def _earlier_output(out: Path, victim_dir: Path, listed: list[str]) -> None:
    (out / "data").mkdir(parents=True)
    (out / "data" / "table.txt").write_text("ours")
    os.symlink(victim_dir, out / "data" / "link")
    body = {"written_by": "landstrikes render", "state": "complete", "files": listed + ["data/table.txt"]}
    (out / MARKER).write_text(json.dumps(body), encoding="utf-8")


def test_marker_path_through_a_symlink_never_deletes_outside_the_output(tmp_path):
    victim_dir = tmp_path / "annotations"
    victim_dir.mkdir()
    (victim_dir / "entities.yaml").write_text("gold")
    out = tmp_path / "site"
    # the file under the link is listed before the link itself, so it is reached through it
    _earlier_output(out, victim_dir, ["data/link/entities.yaml", "data/link"])
    with output_folder(out, "render") as staging:
        (staging / "index.html").write_text("new")
    assert (victim_dir / "entities.yaml").read_text() == "gold"
    assert (out / "index.html").read_text() == "new"


def test_marker_path_through_a_symlink_is_not_removed_when_cleaning_a_leftover(tmp_path):
    from landstrikes.safety.outdir import remove_written

    victim_dir = tmp_path / "raw"
    victim_dir.mkdir()
    (victim_dir / "a.txt").write_text("article")
    old = tmp_path / "old"
    _earlier_output(old, victim_dir, ["data/link/a.txt", "data/link"])
    remove_written(old)
    assert (victim_dir / "a.txt").read_text() == "article"
