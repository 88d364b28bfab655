"""Two `publish --dry-run` into one new `--out` take turns (attack39; attack34's open item).

The dry run judged `--out` (missing or empty), copied and verified the release, then renamed its
copy into place, with no lock: a second dry run judged the same `--out` in between, and whichever
renamed second ended `[unusable-path] OUT: Directory not empty` (a refusal said as an unusable
path, after the whole copy). Like `render`, `extract` and `export-schemas`, it now holds the lock
of `--out`'s folder from its judgement to its rename and judges again under it: the second is
`[output-refused]` (not empty), nothing lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def test_the_second_of_two_dry_runs_into_one_out_is_refused_as_not_empty(released_copy, tmp_path):
    out = tmp_path / "upload"
    go = tmp_path / "go"
    command = [sys.executable, "-m", "landstrikes", "publish", "1.0.1", "--dry-run", "--out", str(out),
               "--dataset", str(released_copy)]
    held = {**os.environ, "LANDSTRIKES_FAULT": f"publish:staged@wait={go}"}
    first = subprocess.Popen(command, env=held, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".publish-*/upload/MANIFEST.json")):  # the first has judged --out and copied
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # the second judges --out (or waits for the lock) while the first is held
    go.touch()
    results = [(p.wait(timeout=120), *p.communicate()) for p in (first, second)]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    (refused,) = [err for code, _, err in results if code == 2]
    assert "[output-refused]" in refused and "not empty" in refused, refused
    assert (out / "MANIFEST.json").is_file()
    assert not list(tmp_path.glob(".publish-*"))
