"""`evaluate` scores every gold article (attack33): a gold article the predictions lack had been
left out of every figure, so an extractor that failed on an article (a row of extract_errors.csv,
no articles row) or a prediction folder holding one article of five was scored on the rest alone:
the gold itself with four articles removed scored recall 1.000 on every layer, exit 0, and its
report did not say that four articles were missing. Now such an article counts as predicting
nothing (its gold rows are misses), has its row in the per-article table, and is named."""

from __future__ import annotations

import json
import shutil

import pyarrow.compute as pc
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.evaluate import evaluate


def _without(tmp_path, dropped: set[str]):
    """A copy of the gold's tables with every row of the `dropped` articles removed."""
    copy = tmp_path / "pred"
    shutil.copytree(DATASET / "data", copy / "data")
    for part in (copy / "data").glob("*/*.parquet"):
        table = pq.read_table(part)
        if "article_id" in table.column_names:
            keep = pc.invert(pc.is_in(table.column("article_id"), value_set=__import__("pyarrow").array(sorted(dropped))))
            pq.write_table(table.filter(keep), part)
    return copy


def _articles():
    return sorted(pq.read_table(DATASET / "data" / "articles", columns=["article_id"]).column(0).to_pylist())


def test_a_gold_article_missing_from_the_predictions_counts_as_missed(tmp_path):
    articles = _articles()
    missing = articles[-1]
    result = evaluate(_without(tmp_path, {missing}), DATASET)
    full = evaluate(DATASET, DATASET)
    assert result["articles"] == articles
    assert missing in result["per_article"]
    for layer, figures in result["layers"].items():
        assert figures["gold"] == full["layers"][layer]["gold"], layer
    quotes = result["layers"]["quotes"]["overlap"]
    assert quotes["precision"] == 1.0 and quotes["recall"] < 1.0
    assert result["per_article"][missing]["quotes"]["predicted"] == 0
    assert result["unpredicted_articles"] == [missing]


def test_the_report_names_the_gold_articles_without_predictions(tmp_path, capsys):
    articles = _articles()
    pred = _without(tmp_path, set(articles[1:]))
    code = main(["evaluate", str(pred), "--gold", str(DATASET), "--json", str(tmp_path / "eval.json")])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{len(articles) - 1} gold articles have no predicted article" in out, out
    for article in articles[1:]:
        assert article in out
    report = json.loads((tmp_path / "eval.json").read_text(encoding="utf-8"))
    assert report["layers"]["mentions"]["overlap"]["recall"] < 0.5


def test_predictions_of_every_gold_article_keep_their_report_shape():
    result = evaluate(DATASET, DATASET)
    assert "unpredicted_articles" not in result  # dataset/silver_evaluation.json stays byte-identical
    assert result["layers"]["quotes"]["overlap"]["recall"] == 1.0
