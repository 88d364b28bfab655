"""The extractor's word-list cache is read only when it is a regular file (attack21).

`extract` reads `wordlists-<key>.json` back from its cache folder (`$LANDSTRIKES_CACHE_DIR`,
`$XDG_CACHE_HOME/landstrikes` or `~/.cache/landstrikes`) with a plain `read_text`: a FIFO at that
name blocked `extract` for good (seen: killed by `timeout` after 30 s, nothing written), and a link
to /dev/zero would read until memory ran out. attack18 made every other file read back by path
refuse them; the cache is one more: such a file is no cache, and the lists are built from the
packages, as for a missing or malformed cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = 'The mayor spoke on Monday. "We will rebuild the bridge," Maria Lopez said.\n'


def _extract(raw: Path, out: Path, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "LANDSTRIKES_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "landstrikes", "extract", str(raw), "--out", str(out), "--num-proc", "1"],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    """One extract with an empty cache folder: its output and the cache it wrote (both cases start
    from a copy of that cache; the extract was run once per case before, on the same input)."""
    root = tmp_path_factory.mktemp("first")
    raw = root / "raw"
    raw.mkdir()
    (raw / "001_a.txt").write_text(TEXT, encoding="utf-8")
    first = _extract(raw, root / "out1", root / "cache")
    assert first.returncode == 0, first.stdout + first.stderr
    return root


@pytest.mark.parametrize("planted", ["fifo", "link-to-dev-zero"])
def test_a_cache_file_that_is_not_a_regular_file_is_no_cache(first_run, tmp_path, planted):
    raw = first_run / "raw"
    cache = tmp_path / "cache"
    shutil.copytree(first_run / "cache", cache, symlinks=True)
    (cached,) = cache.glob("wordlists-*.json")
    expected = list((first_run / "out1" / "data" / "mentions").iterdir())
    assert expected
    cached.unlink()
    os.mkfifo(cached) if planted == "fifo" else cached.symlink_to("/dev/zero")
    try:
        second = _extract(raw, tmp_path / "out2", cache)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract blocked on a {planted} planted as its word-list cache")
    assert second.returncode == 0, second.stdout + second.stderr
    for first_part in expected:
        assert (tmp_path / "out2" / "data" / "mentions" / first_part.name).read_bytes() == first_part.read_bytes()
