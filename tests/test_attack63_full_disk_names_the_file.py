"""A write the disk refuses names the file that could not be written, not the folder (attack63,
attack56's left item). A write's ENOSPC, EFBIG or EDQUOT carries no file name (Python's `write`,
Arrow's `Error writing bytes to file`), and the line named what the command was given: `build`
printed `ds: cannot write: Error writing bytes to file. Detail: [errno 28] No space left on device
[build-io]`, `render` and `extract` their `--out` folder. Each writer now names the file, says in
the system's words why, and that what it replaces is as it was; nothing is left beside it.
Here a write past a few kilobytes fails (RLIMIT_FSIZE: EFBIG, as on a full disk)."""

from __future__ import annotations

import hashlib
import os
import re

from test_full_disk import one_line_refusal, run_on_a_full_disk

LIMIT = 2048
"""Bytes per file: the lock's pid, a staging mark and an `--out` marker fit; a table or page does not."""


def _tree(folder) -> dict[str, str]:
    return {os.path.relpath(os.path.join(root, name), folder): hashlib.sha256(open(os.path.join(root, name), "rb").read()).hexdigest()
            for root, _, files in os.walk(folder) for name in files}


def _named_file(stderr: str) -> str:
    """The path an error line starts with."""
    found = re.match(r"error: (.+?): cannot write", stderr)
    assert found, stderr
    return found.group(1)


def test_build_on_a_full_disk_names_the_table_it_could_not_write(whole_copy):
    before = _tree(whole_copy)
    proc = run_on_a_full_disk(LIMIT, "build", "--dataset", str(whole_copy), cwd=whole_copy.parent)
    one_line_refusal(proc)
    assert "[build-io]" in proc.stderr
    named = _named_file(proc.stderr)
    assert named.endswith(".parquet"), proc.stderr  # the table, not the dataset folder
    assert "No space left on device" in proc.stderr or "File too large" in proc.stderr
    assert "Detail:" not in proc.stderr, proc.stderr  # the system's words, not Arrow's sentence
    assert "data/ and README.md are as they were" in proc.stderr
    after = _tree(whole_copy)
    after.pop(".landstrikes.lock", None)
    before.pop(".landstrikes.lock", None)
    assert after == before  # and no staging folder left
    assert not [p for p in os.listdir(whole_copy) if p.startswith(".build-")]


def test_render_on_a_full_disk_names_the_page_it_could_not_write(dataset_copy, tmp_path):
    out = tmp_path / "site"
    proc = run_on_a_full_disk(LIMIT, "render", "--out", str(out), str(dataset_copy), cwd=tmp_path)
    one_line_refusal(proc)
    assert "[output-io]" in proc.stderr
    assert _named_file(proc.stderr).endswith(".html"), proc.stderr
    assert f"{out} is as it was" in proc.stderr
    assert not os.path.lexists(out) and not [p for p in os.listdir(tmp_path) if p.startswith(".site")]


def test_extract_on_a_full_disk_names_the_table_it_could_not_write(built_dataset, tmp_path):
    out = tmp_path / "silver"
    proc = run_on_a_full_disk(LIMIT, "extract", "--out", str(out), str(built_dataset / "raw"), cwd=tmp_path)
    one_line_refusal(proc)
    assert "[output-io]" in proc.stderr
    assert _named_file(proc.stderr).endswith(".parquet"), proc.stderr
    assert "Detail:" not in proc.stderr, proc.stderr
    assert not os.path.lexists(out) and not [p for p in os.listdir(tmp_path) if p.startswith(".silver")]
