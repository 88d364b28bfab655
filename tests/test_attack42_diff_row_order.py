"""`diff` reports rows that moved (attack42).

A copy of release 2.28.0 with the claims table's rows reversed, every value kept, was `diff`'s
"identical" (exit 0, "claims: unchanged", required bump "no table changed"), though every reader
sees other rows at every index: `load(...)[0]`, `load_dataset(...)[0]` and `df.iloc[0]` are other
claims, and a stored row index names another row. `diff` now says the rows of the ids both sides
hold are in another order (exit 1, a patch bump, like a correction: no id is added or removed).
"""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.cli import main


def _copies(tmp_path, reorder):
    old, new = tmp_path / "old", tmp_path / "new"
    for target in (old, new):
        shutil.copytree(DATASET / "releases" / "2.28.0" / "data", target / "data")
    path = new / "data" / "claims" / "claims.parquet"
    table = pq.read_table(path)
    pq.write_table(table.take(pa.array(reorder(table.num_rows))), path)
    return old, new


def test_rows_reversed_with_every_value_kept_are_a_difference(tmp_path, capsys):
    old, new = _copies(tmp_path, lambda n: list(range(n))[::-1])
    code = main(["diff", str(old), str(new), "--json", str(tmp_path / "diff.json")])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "claims: 389 -> 389 rows; 0 added, 0 removed, 0 changed" in out
    assert "  ~ row order changed" in out
    assert "required bump: patch (claims: rows reordered)" in out
    report = json.loads((tmp_path / "diff.json").read_text(encoding="utf-8"))
    assert report["tables"]["claims"]["row_order_changed"] is True
    assert report["tables"]["quotes"]["row_order_changed"] is False


def test_two_rows_swapped_are_a_difference_and_an_added_row_alone_is_not_a_reorder(tmp_path, capsys):
    old, new = _copies(tmp_path, lambda n: [1, 0, *range(2, n)])
    assert main(["diff", str(old), str(new)]) == 1
    assert "row order changed" in capsys.readouterr().out
    # a row removed keeps the order of the others: only the removal is reported
    old, new = _copies(tmp_path / "b", lambda n: list(range(1, n)))
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "1 removed" in out and "row order changed" not in out
