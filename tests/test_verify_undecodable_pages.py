"""A release file whose footer parses but whose pages do not decode, under a re-hashed manifest
(the forger of test_attack13_verify_statistics, editing a data page instead of the footer): verify
must not say ok, and load must refuse it in one line, not with a decoder's traceback."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from test_attack13_verify_statistics import QUOTES, VERSION, rehash


def _page_broken(released_copy):
    release = released_copy / "releases" / VERSION
    path = release / QUOTES
    data = bytearray(path.read_bytes())
    footer_start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    for offset in range(4, footer_start, 7):  # scatter bytes over every page, keep the footer
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    rehash(release, QUOTES)
    pq.ParquetFile(path).metadata  # the footer still parses
    with pytest.raises(Exception):
        pq.read_table(path)
    return release


def test_verify_does_not_pass_a_release_file_whose_pages_do_not_decode(released_copy, capsys):
    _page_broken(released_copy)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) != 0
    said = capsys.readouterr()
    lines = [line for line in (said.out + said.err).splitlines() if "undecodable-table" in line]
    assert len(lines) == 1 and QUOTES in lines[0] and "Traceback" not in said.out + said.err


def test_load_refuses_a_release_file_whose_pages_do_not_decode(released_copy):
    _page_broken(released_copy)
    with pytest.raises(ReleaseIntegrityError):
        load("quotes", version=VERSION, root=released_copy / "releases")
