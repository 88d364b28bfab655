"""A release holds regular files only. A named pipe or socket in a release folder was neither
hashed nor listed as unlisted (verify looked for regular files), so `verify` said ok and
`load` loaded while `publish` of the same release failed copying it (attack12): now it is
`special-file-in-release`, whether it replaces a listed file or sits beside them."""

from __future__ import annotations

import os
import socket

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError


def _fifo(path):
    os.mkfifo(path)


def _socket(path):
    """Bound by a short relative name (a socket path holds at most 107 bytes), then moved."""
    here = os.getcwd()
    os.chdir(path.parent)
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(path.name)
        server.close()  # the socket file stays
    finally:
        os.chdir(here)


MAKE = {"named pipe": _fifo, "socket": _socket}
WHERE = {"beside the tables": "data/quotes/zz.parquet", "replacing a listed file": "DATASHEET.md"}


@pytest.mark.parametrize("where", list(WHERE))
@pytest.mark.parametrize("kind", list(MAKE))
def test_a_special_file_in_a_release_fails_verify_load_and_publish(released_copy, tmp_path, kind, where, capsys):
    release = released_copy / "releases" / "1.0.1"
    path = release / WHERE[where]
    if path.exists():
        path.unlink()
    MAKE[kind](path)
    assert main(["verify", "1.0.1", "--dataset", str(released_copy)]) == 1
    out = capsys.readouterr().out
    assert f"[special-file-in-release] {WHERE[where]}: a {kind}" in out, out
    assert "missing-file" not in out
    with pytest.raises(ReleaseIntegrityError, match="special-file-in-release"):
        load("quotes", version="1.0.1", root=released_copy / "releases")
    assert main(["publish", "1.0.1", "--repo", "o/n", "--dataset", str(released_copy),
                 "--dry-run", "--out", str(tmp_path / "upload")]) == 1
    assert not (tmp_path / "upload").exists()
