"""`diff` shows what an added or removed row holds, not its id alone (attack50's brief): a reviewer
of `+ 000_...:q:120-164` had to open the new table to learn which quotation was added, though a
changed row shows every changed value. Text: the row's values under its id, cut as changed values
are; `--json`: `added_rows` and `removed_rows`, id -> {column: value}, beside the id lists."""

from __future__ import annotations

import json
import shutil

import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.cli import main


def _folders(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATASET / "data", old / "data")
    shutil.copytree(DATASET / "data", new / "data")
    path = old / "data" / "quotes" / "quotes.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(0, table.num_rows - 1), path)  # old lacks the last quote: new adds it
    stances = new / "data" / "stances" / "stances.parquet"
    kept = pq.read_table(stances)
    pq.write_table(kept.slice(1), stances)  # new lacks the first stance: removed
    return old, new, table.slice(table.num_rows - 1).to_pylist()[0], kept.slice(0, 1).to_pylist()[0]


def test_an_added_and_a_removed_row_are_shown_with_their_values(tmp_path, capsys):
    old, new, added, removed = _folders(tmp_path)
    assert main(["diff", str(old), str(new)]) == 1
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(f"  + {added['quote_id']}")
    shown = lines[at + 1:at + 1 + len(added) - 1]
    assert f"      text: {json.dumps(added['text'], ensure_ascii=False)}" in shown
    assert f"      kind: \"{added['kind']}\"" in shown
    assert all(line.startswith("      ") for line in shown)
    at = lines.index(f"  - {removed['stance_id']}")
    assert f"      label: \"{removed['label']}\"" in lines[at + 1:at + len(removed)]


def test_the_json_report_holds_the_added_and_removed_rows(tmp_path, capsys):
    old, new, added, removed = _folders(tmp_path)
    assert main(["diff", str(old), str(new), "--json", "-"]) == 1
    report = json.loads(capsys.readouterr().out)
    quotes, stances = report["tables"]["quotes"], report["tables"]["stances"]
    assert quotes["added"] == [added["quote_id"]] and quotes["added_rows"] == {added["quote_id"]: added}
    assert stances["removed"] == [removed["stance_id"]] and stances["removed_rows"] == {removed["stance_id"]: removed}
    assert list(quotes)[:len(quotes) - 2] == [k for k in quotes if k not in ("added_rows", "removed_rows")]  # new keys last
