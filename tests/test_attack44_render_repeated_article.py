"""`render` draws one page per article, named by its id: an article id given twice is refused
(`duplicate-id`, one line naming the articles table, row and column, exit 2), never drawn on one page.

attack44: a partitioned folder whose first articles part was linked in again as another partition,
or one whose repeated article holds another text, rendered `122 pages` (119 files): the second
row's page was written over the first's, so one of two texts was not drawn and nothing said so;
the rows of both were drawn on whichever text came last."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.render import RenderError, render_site


def _with_article_repeated(tmp_path, text_of_copy=lambda text: text):
    folder = tmp_path / "tables"
    shutil.copytree(DATASET / "data", folder / "data")
    path = folder / "data" / "articles" / "articles.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    copy = dict(rows[0], text=text_of_copy(rows[0]["text"]))
    pq.write_table(pa.Table.from_pylist([*rows, copy], schema=table.schema), path)
    return folder, len(rows), rows[0]["article_id"]


@pytest.mark.parametrize("text_of_copy", [lambda text: text, lambda text: "X" + text[1:]], ids=["same-text", "other-text"])
def test_an_article_id_given_twice_is_refused_naming_its_row(tmp_path, text_of_copy):
    folder, repeated_at, article_id = _with_article_repeated(tmp_path, text_of_copy)
    with pytest.raises(RenderError) as refused:
        render_site(folder, tmp_path / "site")
    line = str(refused.value)
    assert line.startswith("[duplicate-id] ") and f"row {repeated_at} column article_id" in line and article_id in line
    assert not (tmp_path / "site").exists()


def test_the_command_says_it_in_one_line_and_exits_2(tmp_path):
    folder, _, _ = _with_article_repeated(tmp_path)
    done = subprocess.run([sys.executable, "-m", "landstrikes", "render", str(folder), "--out", str(tmp_path / "site")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "[duplicate-id]" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
