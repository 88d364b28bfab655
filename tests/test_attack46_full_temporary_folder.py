"""A temporary folder that fills up is named, never the input being judged (attack46).

`validate --engine` judges an intact release on a private copy written under the temporary folder
(eco40). When that write failed (a full TMPDIR; here RLIMIT_FSIZE: writes past N bytes fail with
EFBIG, as with ENOSPC) the write's OSError named no file and the last guard named the input:
`[unusable-path] dataset/releases/2.29.0: File too large`, a release that was fine. The error now
names the temporary folder the command was writing in.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys


def test_a_full_temporary_folder_is_named_not_the_release_judged(released_copy, tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_000, 1_000))

    release = released_copy / "releases" / "1.0.1"
    done = subprocess.run([sys.executable, "-m", "landstrikes", "validate", str(release), "--engine", "local"],
                          preexec_fn=small_files, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "TMPDIR": str(temporary)})
    assert done.returncode == 2, done.stdout + done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: [unusable-path] {temporary / 'landstrikes-release-'}"), line
    assert "File too large" in line and str(release) not in line
    assert list(temporary.iterdir()) == []  # the copy is removed
