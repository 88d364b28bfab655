"""The word-list cache removes a file only if it is still the one it proved its own (attack40).

attack39's pruning proves a file the cache's (its name, a regular file of this user, the bytes
`_write` opens with), then, just before removing it, checks only that its modification time is
unchanged. A file put in its place in between (a sync or backup tool restoring the user's file of
that name, which keeps the time it had) has another inode and the same time: it was removed, a
user's file never proven the cache's. The file removed must be the file proven: same device,
inode and time.
"""

from __future__ import annotations

import os
import time

from landstrikes.extract import listcache

WRITTEN = '{"words": {"frozenset": ["a", "b"]}}'
MINE = b"the user's own file, restored under this name\n"


def test_a_file_swapped_in_after_the_proof_is_kept(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    names = []
    for n in range(5):
        path = cache / f"wordlists-{n:020x}.json"
        path.write_text(WRITTEN, encoding="utf-8")
        stamp = time.time() - (10 - n) * 3600
        os.utime(path, (stamp, stamp))
        names.append(path.name)
    proven = listcache._ours

    def proof_then_swap(path):
        info = proven(path)
        if info is not None and path.name == names[0]:  # the oldest: to be removed
            other = path.with_name("restored.tmp")
            other.write_bytes(MINE)
            os.utime(other, ns=(info.st_atime_ns, info.st_mtime_ns))  # the time it had, as a restore keeps it
            os.replace(other, path)
        return info

    monkeypatch.setattr(listcache, "_ours", proof_then_swap)
    removed = listcache.remove_old_caches(cache, keep=cache / names[4])
    assert names[0] not in removed
    assert (cache / names[0]).read_bytes() == MINE
    assert names[1] in removed  # the others proven go as before
