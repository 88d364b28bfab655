"""A release's table file replaced by a FIFO between verification and reading is refused in one
line, never waited on (attack43). attack42 made `diff` parse the bytes it verified
(`read_verified`, `load`'s reader), which opened each file with `read_bytes()`: a FIFO there
blocked `diff` (and `load`) until some process wrote to it; `diff` had refused it before
(`unreadable-table`, exit 2), since its reader opened only regular files. The FIFO is the test's
own, under its tmp_path; a thread writes to it after a few seconds so a hang cannot block the
suite."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases import loading
from landstrikes.releases import manifest as manifest_module
from landstrikes.releases.loading import load

STANCES = "data/stances/stances.parquet"
LIMIT = 6.0


@pytest.fixture
def release(tmp_path):
    target = tmp_path / "new" / "2.28.0"
    shutil.copytree(DATASET / "releases" / "2.28.0", target)
    return target


def _fifo_after_verifying(monkeypatch, module, release) -> None:
    real = manifest_module.verified_manifest

    def racing(folder, *args, **kwargs):
        manifest = real(folder, *args, **kwargs)
        if str(folder) == str(release):
            (release / STANCES).unlink()
            os.mkfifo(release / STANCES)
        return manifest

    monkeypatch.setattr(module, "verified_manifest", racing)


def _unblocking(fifo):
    """After LIMIT seconds, open the FIFO for writing and close it: a reader blocked on it gets
    end-of-file, so a hanging test fails instead of hanging."""
    def run():
        time.sleep(LIMIT)
        if fifo.exists() and not fifo.is_file():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO when no reader waits
                os.close(fd)
            except OSError:
                pass
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_diff_of_a_part_made_a_fifo_after_verification_is_one_line_not_a_wait(release, tmp_path, monkeypatch, capsys):
    old = tmp_path / "old" / "2.28.0"
    shutil.copytree(release, old)
    _fifo_after_verifying(monkeypatch, manifest_module, release)
    _unblocking(release / STANCES)
    began = time.monotonic()
    code = main(["diff", str(old), str(release)])
    took = time.monotonic() - began
    err = capsys.readouterr().err
    assert took < LIMIT, f"diff waited {took:.1f} s on a FIFO"
    assert code == 2
    assert err.count("\n") == 1 and STANCES in err and "special-file-in-release" in err, err


def test_load_of_a_part_made_a_fifo_after_verification_raises_the_integrity_error(release, monkeypatch):
    _fifo_after_verifying(monkeypatch, loading, release)
    _unblocking(release / STANCES)
    began = time.monotonic()
    with pytest.raises(ReleaseIntegrityError, match=f"{STANCES}: special-file-in-release"):
        load("stances", release)
    assert time.monotonic() - began < LIMIT
