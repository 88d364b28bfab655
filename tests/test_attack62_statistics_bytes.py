"""A string column's footer statistics are UTF-8 as its values are (attack62).

A quotes part whose footer stated the `kind` column's minimum as b'a\\xffrect' and maximum as
b'scar\\xff' (true bounds, as bytes, of direct ... scare; the values untouched) was VALID, exit 0:
the bounds check compares bytes, and these bytes order where they should. polars 2.2.0 refuses a
filtered read of the file ('Invalid UTF8 in Statistics') and pyarrow's `statistics.min` raises
UnicodeDecodeError; no writer states such bounds for a string column (Arrow states the values,
arrow-rs truncates at a character). Refused as the other footer lies are: `unreadable-table`,
exit 2; `verify` and `load` `footer-statistics-mismatch`."""

from __future__ import annotations

import pytest

from hostile_tools import footer_replace
from landstrikes.schema import validate
from landstrikes.schema.tableio import UnreadableTable, read_part


@pytest.mark.parametrize("old, new", [(b"direct", b"a\xffrect"), (b"scare", b"scar\xff")])
def test_a_stated_bound_of_bytes_that_are_not_utf8_is_refused(dataset_copy, old, new):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    footer_replace(part, old, new)
    with pytest.raises(UnreadableTable, match="column kind.*not UTF-8"):
        read_part(part)
    report = validate(dataset_copy)
    assert report.exit_code == 2 and report.unusable.startswith("[unreadable-table] ")


def test_a_list_items_bound_so_stated_is_refused_too(dataset_copy):
    part = dataset_copy / "data" / "entities" / "entities.parquet"
    footer_replace(part, b"2022 U.S.Drone", b"2021 U.S.Dro\xff\xff")  # aliases' minimum: still below every item
    with pytest.raises(UnreadableTable, match="aliases.*not UTF-8"):
        read_part(part)


def test_a_release_part_so_written_fails_verify(released_copy, capsys):
    from landstrikes.cli import main
    from test_attack13_verify_statistics import QUOTES, VERSION, rehash

    release = released_copy / "releases" / VERSION
    footer_replace(release / QUOTES, b"scare", b"scar\xff")
    rehash(release, QUOTES)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    assert f"[footer-statistics-mismatch] {QUOTES}: row group 0, column kind" in capsys.readouterr().out
