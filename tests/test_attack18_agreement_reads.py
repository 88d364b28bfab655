"""`stats` reads agreement.json as `build` does: a FIFO or a device there is refused, never read
(attack18). `build` checked the file first (`source-unreadable`), but `stats` read it with
`read_text`: a FIFO hung it for good, and a link to /dev/zero read until memory ran out."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import documents_beside

KINDS = {
    "a FIFO": lambda path: os.mkfifo(path),
    "a link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("check", [True, False])
def test_stats_refuses_agreement_figures_that_are_not_a_regular_file(kind, check, whole_copy):
    documents_beside(whole_copy)
    figures = whole_copy / "agreement.json"
    figures.unlink()
    KINDS[kind](figures)
    argv = ["stats", "--dataset", str(whole_copy), "--root", str(whole_copy.parent)] + (["--check"] if check else [])
    try:
        proc = subprocess.run([sys.executable, "-m", "landstrikes", *argv], capture_output=True, text=True,
                              env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"stats read agreement.json ({kind}) for 60 s")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "agreement.json" in proc.stderr and "[source-unreadable]" in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
