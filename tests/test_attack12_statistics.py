"""A Parquet footer's column statistics are believed by every reader that filters: a row group whose
statistics exclude the predicate is skipped undecoded. validate decoded every row, found them sound
and said VALID over footers that hid rows from filtered reads (attack12). Statistics that exclude a
value the row group holds, or state another null count, are now refused (exit 2); looser bounds,
which other writers give by truncating long strings, are true and kept."""

from __future__ import annotations

import struct

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from hostile_tools import footer_replace, footer_says_nulls, part
from landstrikes.cli import main


def _max_article(path):
    return max(pq.read_table(path, columns=["article_id"]).column(0).to_pylist())


def _string_maximum(path):
    """max(article_id) of quotes said to be article 001's: quotes of 002-004 vanish from a filter."""
    last = _max_article(path)
    footer_replace(path, last.encode(), ("001" + last[3:]).encode())
    return pc.field("article_id") == last


def _integer_minimum(path):
    """min(start) of quotes raised above the smallest start: the first quote vanishes from a filter."""
    low = min(pq.read_table(path, columns=["start"]).column(0).to_pylist())
    footer_replace(path, struct.pack("<q", low), struct.pack("<q", low + 1_000_000))
    meta = pq.ParquetFile(path).metadata
    names = [meta.row_group(0).column(i).path_in_schema for i in range(meta.num_columns)]
    assert meta.row_group(0).column(names.index("start")).statistics.min == low + 1_000_000
    return pc.field("start") == low


def _no_nulls(path):
    """speaker_id of quotes said to hold no null: the unattributed quotes vanish from `is_null`."""
    footer_says_nulls(path, "speaker_id", 0)
    return pc.field("speaker_id").is_null()


def _all_nulls(path):
    """parent_quote_id of quotes said to be null in every row: every nested quote vanishes."""
    footer_says_nulls(path, "parent_quote_id", pq.ParquetFile(path).metadata.num_rows)
    return pc.field("parent_quote_id").is_valid()


LIES = {"string maximum": _string_maximum, "integer minimum": _integer_minimum,
        "no nulls": _no_nulls, "all nulls": _all_nulls}


@pytest.mark.parametrize("lie", list(LIES))
def test_a_footer_whose_statistics_hide_rows_from_a_filter_is_refused(dataset_copy, lie, capsys):
    path = part(dataset_copy, "quotes")
    honest = dataset_copy.parent / "honest.parquet"
    honest.write_bytes(path.read_bytes())
    predicate = LIES[lie](path)
    # the lie matters: the same filter over the same values returns fewer rows than the honest file
    assert pq.read_table(path).equals(pq.read_table(honest))
    assert pq.read_table(path, filters=predicate).num_rows < pq.read_table(honest, filters=predicate).num_rows
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr()
    text = out.out + out.err
    assert "[unreadable-table]" in text and "footer's statistics say" in text and "quotes.parquet" in text
    assert "Traceback" not in text and len(text.strip().splitlines()) == 1


def test_statistics_of_a_list_s_items_that_exclude_an_item_are_refused(dataset_copy, capsys):
    path = part(dataset_copy, "quotes")
    items = [x for row in pq.read_table(path, columns=["speaker_ids"]).column(0).to_pylist() for x in row]
    high = max(items)
    lower = min(x for x in items if len(x) == len(high) and x < high) if any(
        len(x) == len(high) and x < high for x in items) else None
    assert lower is not None, "the gold holds two speaker ids of one length"
    footer_replace(path, high.encode(), lower.encode(), last_only=True)  # the items' column comes last
    assert main(["validate", str(dataset_copy)]) == 2
    assert "column speaker_ids.list.element" in capsys.readouterr().out


def test_a_lie_in_a_later_row_group_is_found(dataset_copy, capsys):
    path = part(dataset_copy, "quotes")
    table = pq.read_table(path)
    pq.write_table(table, path, row_group_size=7, compression="zstd")
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups > 3
    third = table.slice(21, 7).column("start").to_pylist()
    assert main(["validate", str(dataset_copy)]) == 0  # honest row groups of 7 rows are VALID
    capsys.readouterr()
    footer_replace(path, struct.pack("<q", max(third)), struct.pack("<q", min(third)))
    assert main(["validate", str(dataset_copy)]) == 2
    assert "row group 3, column start" in capsys.readouterr().out


def test_bounds_looser_than_the_data_are_true_and_kept(dataset_copy, capsys):
    """A minimum below every value (as a writer that truncates long strings states it) hides no row."""
    path = part(dataset_copy, "quotes")
    first = min(pq.read_table(path, columns=["article_id"]).column(0).to_pylist())
    looser = "0" * len(first)
    assert looser < first
    footer_replace(path, first.encode(), looser.encode())
    assert pq.ParquetFile(path).metadata.row_group(0).column(1).statistics.min == looser
    assert main(["validate", str(dataset_copy)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("command", ["render", "diff", "evaluate", "stats"])
def test_every_reader_of_tables_refuses_the_lying_footer_with_its_check_id(built_dataset, tmp_path, command, capsys):
    import shutil

    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    _string_maximum(part(dataset, "quotes"))
    args = {"render": ["render", str(dataset), "--out", str(tmp_path / "site")],
            "diff": ["diff", str(built_dataset), str(dataset)],
            "evaluate": ["evaluate", str(dataset), "--gold", str(built_dataset)],
            "stats": ["stats", "--check", "--dataset", str(dataset)]}[command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "[unreadable-table]" in err and "footer's statistics say" in err and len(err.strip().splitlines()) == 1, err
