"""A release folder is as readable as every file in it (attack21).

`release` staged the snapshot in `tempfile.mkdtemp`, which makes its folder 0700 whatever the
umask, and renamed that folder to `releases/X.Y.Z`: under the usual umask 022 every file of the
release was 0644 and its folders 0755, but the release folder itself 0700, so no other user of a
shared machine (a CI runner, a web server publishing the corpus, a colleague) could read the
release, nor `verify` or `load` it. Now it gets the mode a new folder gets (0777 less the umask).
"""

from __future__ import annotations

import os
import stat


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_release_folder_gets_the_mode_of_a_new_folder(released):
    for version in ("1.0.0", "1.0.1"):
        folder = released / "releases" / version
        assert oct(stat.S_IMODE(folder.stat().st_mode)) == oct(0o777 & ~_umask()), folder
        assert oct(stat.S_IMODE((folder / "data").stat().st_mode)) == oct(0o777 & ~_umask())
