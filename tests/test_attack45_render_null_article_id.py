"""`render` names each page by its article's id: an article whose id is null has no page name and is
refused (`null-in-required-column`, one line naming the articles table, row and column, exit 2),
however many such rows there are.

attack45: one null article id ended render in a TypeError, explained after the fact by validating
the folder (`the site cannot be drawn: ... 232 finding(s); first [null-in-required-column] ...`);
two null ids were refused as one repeated id, `[duplicate-id] ... article None is given twice`
(attack44's check took the nulls for an id)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.render import RenderError, render_site


def _with_null_ids(tmp_path, rows_nulled):
    folder = tmp_path / "tables"
    shutil.copytree(DATASET / "data", folder / "data")
    path = folder / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    for row in rows_nulled:
        rows[row]["article_id"] = None
    at = table.schema.get_field_index("article_id")
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema.set(at, table.schema.field(at).with_nullable(True))), path)
    return folder


@pytest.mark.parametrize("rows_nulled", [(1,), (1, 3)], ids=["one", "two"])
def test_a_null_article_id_is_refused_naming_its_row(tmp_path, rows_nulled):
    folder = _with_null_ids(tmp_path, rows_nulled)
    with pytest.raises(RenderError) as refused:
        render_site(folder, tmp_path / "site")
    line = str(refused.value)
    assert line.startswith(f"[null-in-required-column] {folder / 'data' / 'articles'}: row 1 column article_id: ")
    assert not (tmp_path / "site").exists()


def test_the_command_says_it_in_one_line_and_exits_2(tmp_path):
    folder = _with_null_ids(tmp_path, (0, 1))
    done = subprocess.run([sys.executable, "-m", "landstrikes", "render", str(folder), "--out", str(tmp_path / "site")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "[null-in-required-column]" in lines[0] and "Traceback" not in done.stderr
