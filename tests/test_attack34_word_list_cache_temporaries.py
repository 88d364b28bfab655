"""A run killed while writing the word-list cache leaves no temporary that piles up (attack34).

`extract` caches its word lists in one JSON file of about 7 MB (`~/.cache/landstrikes`), written to
a temporary file renamed into place. A `kill -9` before the rename (an OOM killer, a batch
system's time limit, a Ctrl-\\ during the first run after an upgrade) left `.wordlists-<random>`
behind, and no later run removed it: three killed runs, three 6.9 MB files, for good. The cache is
now written as every replaced file is (`landstrikes.safety.replacefile`): its temporary is locked
until renamed, and the next write of the cache removes the ones whose writer is gone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from landstrikes.extract.listcache import cached_lists

KILLED = """
import os, signal, sys
from pathlib import Path
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
os.rename = killed  # the rename into place since attack39
Path.replace = killed
from landstrikes.extract.listcache import cached_lists
cached_lists({"words": lambda: frozenset({"a", "b"})}, (), Path(sys.argv[1]))
"""


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_killed_cache_writes_are_cleaned_by_the_next_write(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(cache))
    source = tmp_path / "builder.py"
    source.write_text("# the builder\n")
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", KILLED, str(source)], env={**__import__("os").environ})
        assert done.returncode == -9
    assert len(_names(cache)) <= 1  # one killed write's temporary at most, never one per kill
    assert cached_lists({"words": lambda: frozenset({"a", "b"})}, (), source) == {"words": frozenset({"a", "b"})}
    assert [name for name in _names(cache) if not name.startswith("wordlists-")] == []
