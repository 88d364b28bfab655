"""`evaluate` scores predictions only on the gold's own article texts (attack21).

It paired predicted and gold rows by article id and compared offsets, never looking at the texts:
`extract` run on a copy of raw/ whose line ends had become CRLF (a Windows checkout, an editor)
gave the same ids with every offset shifted, and `evaluate` printed its figures, exit 0, mentions
F1 0.044 instead of 0.865, as if the extractor had failed. Offsets into another text measure
nothing, so a shared article whose text differs from the gold's is refused: one line naming the
predicted articles table, the row, the column `text` and where the texts part
(`article-text-mismatch`, exit 2, no figures).
"""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from test_attack20_hidden_raw_files import landstrikes


def _predictions(built_dataset, tmp_path, edit=None):
    """The gold tables as predictions, the first article's text passed through `edit`."""
    folder = tmp_path / "pred"
    shutil.copytree(built_dataset / "data", folder / "data")
    if edit is not None:
        path = folder / "data" / "articles" / "articles.parquet"
        table = pq.read_table(path)
        texts = table.column("text").to_pylist()
        texts[0] = edit(texts[0])
        index = table.schema.get_field_index("text")
        pq.write_table(table.set_column(index, table.schema.field(index), pa.array(texts, pa.string())), path)
    return folder, pq.read_table(folder / "data" / "articles").column("article_id")[0].as_py()


def test_predictions_on_the_gold_texts_are_scored(built_dataset, tmp_path):
    folder, _ = _predictions(built_dataset, tmp_path)
    done = landstrikes("evaluate", str(folder), "--gold", str(built_dataset))
    assert done.returncode == 0, done.stdout + done.stderr


def test_predictions_on_a_crlf_copy_of_an_article_are_refused_naming_it(built_dataset, tmp_path):
    folder, article = _predictions(built_dataset, tmp_path, lambda text: text.replace("\n", "\r\n"))
    done = landstrikes("evaluate", str(folder), "--gold", str(built_dataset))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == "", done.stdout
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert "[article-text-mismatch]" in done.stderr and article in done.stderr, done.stderr
    assert "articles" in done.stderr and "column text" in done.stderr, done.stderr


def test_a_text_differing_only_at_its_end_is_refused(built_dataset, tmp_path):
    folder, article = _predictions(built_dataset, tmp_path, lambda text: text + " ")
    done = landstrikes("evaluate", str(folder), "--gold", str(built_dataset))
    assert done.returncode == 2 and "[article-text-mismatch]" in done.stderr, done.stdout + done.stderr
