"""`evaluate` scores what it reads: a span given twice in a layer, or an article or entity id given
twice, is refused (`duplicate-id`, one line naming the file, row and column, exit 2), on either side.

attack44: the matcher pairs spans one to one, so a prediction repeated could be paired with a
second gold span it overlaps. The silver of dataset/raw with every mention given twice scored
mentions overlap recall 0.935 against 0.926 once, exit 0; one span covering a whole article, given
once per gold span, scores every gold span of the layer a match. A repeated article id kept the
last row's text (the first one's offsets were scored against it), a repeated entity id the last
row's type. A valid table holds no such repeat (span-derived ids, `duplicate-id`), and `agreement`
refuses a span given twice in a pass file the same way (attack26)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.evaluate import evaluate
from landstrikes.schema.tableio import UnreadableTable


def _copy(tmp_path, name="pred"):
    target = tmp_path / name
    shutil.copytree(DATASET / "data", target / "data")
    return target


def _table(folder, table):
    return folder / "data" / table / f"{table}.parquet"


def _rows(folder, table):
    return pq.read_table(_table(folder, table)).to_pylist()


def _write(folder, table, rows):
    path = _table(folder, table)
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)


def _refusal(pred, gold=DATASET) -> str:
    """The `duplicate-id` line evaluate refuses the pair with."""
    with pytest.raises(UnreadableTable) as refused:
        evaluate(pred, gold)
    assert refused.value.check == "duplicate-id"
    return refused.value.line()


def _repeat_row(folder, table, row=0):
    rows = _rows(folder, table)
    _write(folder, table, [*rows, dict(rows[row])])
    return len(rows)


def test_the_gold_scored_against_itself_is_every_figure_one(tmp_path):
    result = evaluate(_copy(tmp_path), DATASET)
    assert all(layer["exact"]["f1"] == 1.0 for layer in result["layers"].values())


@pytest.mark.parametrize("layer", ["quotes", "mentions", "claims", "segments"])
def test_a_predicted_span_given_twice_is_refused_naming_its_row(tmp_path, layer):
    pred = _copy(tmp_path)
    repeated_at = _repeat_row(pred, layer)
    assert f"{pred / 'data' / layer}: row {repeated_at} column start" in _refusal(pred)


def test_a_span_repeated_to_match_more_gold_spans_is_refused(tmp_path):
    """The gaming case: one span over a whole article, given once per gold mention of it."""
    pred = _copy(tmp_path)
    article = _rows(pred, "articles")[0]
    mentions = [m for m in _rows(pred, "mentions") if m["article_id"] == article["article_id"]]
    wide = [{**m, "start": 0, "end": len(article["text"]), "text": article["text"]} for m in mentions]
    _write(pred, "mentions", wide)
    assert "column start: the span [0, " in _refusal(pred)


def test_a_gold_span_given_twice_is_refused_too(tmp_path):
    gold = _copy(tmp_path, "gold")
    _repeat_row(gold, "segments")
    assert str(gold / "data" / "segments") in _refusal(_copy(tmp_path), gold)


@pytest.mark.parametrize("table, column", [("articles", "article_id"), ("entities", "entity_id")])
def test_an_article_or_entity_id_given_twice_is_refused(tmp_path, table, column):
    pred = _copy(tmp_path)
    rows = _rows(pred, table)
    other = dict(rows[1], **{column: rows[0][column]})
    _write(pred, table, [*rows, other])
    assert f"{pred / 'data' / table}: row {len(rows)} column {column}" in _refusal(pred)


def test_the_command_says_it_in_one_line_and_exits_2(tmp_path):
    pred = _copy(tmp_path)
    _repeat_row(pred, "mentions")
    done = subprocess.run([sys.executable, "-m", "landstrikes", "evaluate", str(pred), "--gold", str(DATASET)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "[duplicate-id]" in lines[0] and "Traceback" not in done.stderr
    assert done.stdout == ""
