"""An `--out` writer on a disk that fills before its staging folder is marked leaves nothing beside
its target (attack56): the staging folder was made, its marker's write failed, and the folder
stayed (`.schemas.landstrikes-staging-*`, found by the next run as "a killed run's"), since only
what failed after the marker was cleaned. The run is one `[output-io]` line, exit 2, and an
earlier output is kept whole."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from test_full_disk import one_line_refusal


def _export_on_a_full_disk(out, cwd) -> subprocess.CompletedProcess:
    def full() -> None:  # every write past 8 bytes fails, the marker's first (EFBIG, as ENOSPC)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8, 8))

    return subprocess.run([sys.executable, "-m", "landstrikes", "export-schemas", "--out", str(out)], cwd=cwd,
                          preexec_fn=full, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})


def test_a_new_out_folder_on_a_full_disk_leaves_nothing(tmp_path):
    proc = _export_on_a_full_disk(tmp_path / "schemas", tmp_path)
    one_line_refusal(proc)
    assert "[output-io]" in proc.stderr
    assert os.listdir(tmp_path) == []


def test_an_earlier_output_survives_a_full_disk_and_nothing_is_left_beside_it(tmp_path):
    out = tmp_path / "schemas"
    done = subprocess.run([sys.executable, "-m", "landstrikes", "export-schemas", "--out", str(out)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = _export_on_a_full_disk(out, tmp_path)
    one_line_refusal(proc)
    assert os.listdir(tmp_path) == ["schemas"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
