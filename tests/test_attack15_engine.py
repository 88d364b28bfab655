"""attack15: the four new row-local checks (name-mentions-overlap, segment-starts-with-line-feed,
vague-quantity-off-table, indirect-span-final-punctuation) give under `--engine`, with the gold
split one partition per article, the findings of one-folder validation."""

from __future__ import annotations


from conftest import load, save
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema.validate import validate

NEW = {"name-mentions-overlap", "segment-starts-with-line-feed", "vague-quantity-off-table", "indirect-span-final-punctuation"}


def _break_all(folder):
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    mentions = load(folder, "mentions")
    article = "004_26f752040ea19616"
    start = text[article].index("Mexico City")
    row = mentions.iloc[0].to_dict() | dict(mention_id=f"{article}:m:{start}-{start + 6}", article_id=article, entity_id="mexico",
                                           start=start, end=start + 6, text="Mexico", kind="NAME")
    import pandas as pd
    save(folder, "mentions", pd.concat([mentions, pd.DataFrame([row])], ignore_index=True))
    segments = load(folder, "segments").sort_values(["article_id", "start"]).reset_index(drop=True)
    first, second = segments.iloc[0], segments.iloc[1]
    cut = int(first.end) - 1
    body = text[first.article_id]
    segments.loc[0, ["end", "text", "segment_id"]] = [cut, body[first.start:cut], f"{first.article_id}:g:{first.start}-{cut}"]
    segments.loc[1, ["start", "text", "segment_id"]] = [cut, body[cut:second.end], f"{second.article_id}:g:{cut}-{second.end}"]
    save(folder, "segments", segments)
    claims = load(folder, "claims")
    i = claims.index[claims.text.str.contains("dozens")][0]
    claims.loc[i, ["quantity_low", "quantity_high"]] = [10.0, 20.0]
    save(folder, "claims", claims)
    quotes = load(folder, "quotes")
    for i, q in quotes[quotes.kind == "indirect"].iterrows():
        end = int(q.end)
        if text[q.article_id][end:end + 1] == ".":
            new = f"{q.article_id}:q:{int(q.start)}-{end + 1}"
            quotes.loc[i, ["end", "text", "quote_id"]] = [end + 1, text[q.article_id][int(q.start):end + 1], new]
            quotes.loc[quotes.parent_quote_id == q.quote_id, "parent_quote_id"] = new
            break
    save(folder, "quotes", quotes)


def test_the_new_checks_report_the_same_under_the_engine(dataset_copy, tmp_path):
    _break_all(dataset_copy)
    one_folder = validate(dataset_copy)
    assert {f.check for f in one_folder.findings} == NEW, one_folder.to_text()
    parts = repartition(dataset_copy / "data", tmp_path / "parts" / "data")
    assert len(parts.partitions) == 5
    partitioned = validate_partitioned(tmp_path / "parts", "local", num_proc=2)
    assert sorted(partitioned.findings) == sorted(one_folder.findings)
