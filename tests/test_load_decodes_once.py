"""`load(table)` checks the whole release's integrity (every file's sha256, every statement of the
manifest) but decodes only the files of the table it returns, once, and checks their pages and
footer statistics on the very table it returns (loose14: it decoded every file of every table to
check them, then read the asked table's files again). A lying footer or undecodable pages in
another table are `verify`'s to report; in the asked table `load` still refuses them
(tests/test_attack13_verify_statistics.py, tests/test_verify_undecodable_pages.py)."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from test_attack13_verify_statistics import VERSION, _forged
from test_verify_undecodable_pages import _page_broken


def _full_decodes(monkeypatch) -> list[str]:
    """Every whole-file decode (all columns) by pyarrow's two readers, as it happens."""
    seen = []
    plain_read, read_table = pq.ParquetFile.read, pq.read_table

    def read(self, columns=None, *args, **kwargs):
        if columns is None:
            seen.append(self.schema_arrow.names[0])
        return plain_read(self, columns, *args, **kwargs)

    def table(source, *args, **kwargs):
        seen.append(str(source))
        return read_table(source, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "read", read)
    monkeypatch.setattr(pq, "read_table", table)
    return seen


def test_load_decodes_the_asked_tables_files_once_and_no_other(released_copy, monkeypatch):
    seen = _full_decodes(monkeypatch)
    quotes = load("quotes", version=VERSION, root=released_copy / "releases", as_pandas=True)
    assert seen == ["quote_id"]  # one file, its first column: the quotes table, read once
    assert len(quotes) == pq.ParquetFile(released_copy / "releases" / VERSION / "data/quotes/quotes.parquet").metadata.num_rows


def test_a_lying_footer_in_another_table_is_left_to_verify(released_copy, capsys):
    _forged(released_copy)  # the quotes file's footer lies, manifest and witnesses re-hashed
    articles = load("articles", version=VERSION, root=released_copy / "releases")
    assert len(articles) > 0
    with pytest.raises(ReleaseIntegrityError, match="footer-statistics-mismatch"):
        load("quotes", version=VERSION, root=released_copy / "releases")
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    assert "[footer-statistics-mismatch] data/quotes/quotes.parquet" in capsys.readouterr().out


def test_undecodable_pages_in_another_table_are_left_to_verify(released_copy):
    _page_broken(released_copy)
    assert len(load("claims", version=VERSION, root=released_copy / "releases")) > 0
    with pytest.raises(ReleaseIntegrityError, match="undecodable-table"):
        load("quotes", version=VERSION, root=released_copy / "releases")


def test_a_changed_byte_in_another_table_still_stops_load(released_copy):
    """Whole-release integrity stays: every file is hashed, whichever table is asked for."""
    path = released_copy / "releases" / VERSION / "data/quotes/quotes.parquet"
    data = bytearray(path.read_bytes())
    data[10] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(ReleaseIntegrityError, match="sha256-mismatch"):
        load("articles", version=VERSION, root=released_copy / "releases")
