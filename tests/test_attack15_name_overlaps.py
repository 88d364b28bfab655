"""attack15: M4 ("a name inside a longer name is not a separate mention; the longest name wins")
had no check. A NAME mention of `mexico` added at "Mexico" inside "Mexico City" validated: its
text is an alias of its entity and the occurrence was already covered. `name-mentions-overlap`."""

from __future__ import annotations

import pandas as pd

from conftest import load, save
from landstrikes.schema.validate import validate

ARTICLE = "004_26f752040ea19616"


def _mention(texts, entity, start, end, kind="NAME"):
    return dict(mention_id=f"{ARTICLE}:m:{start}-{end}", article_id=ARTICLE, entity_id=entity, start=start, end=end,
                text=texts[ARTICLE][start:end], kind=kind, source="gold", confidence=None)


def _with(folder, rows):
    mentions = load(folder, "mentions")
    mentions = pd.concat([mentions, pd.DataFrame(rows)], ignore_index=True).sort_values(["article_id", "start", "end"])
    save(folder, "mentions", mentions.reset_index(drop=True))
    return validate(folder)


def _texts(folder):
    articles = load(folder, "articles")
    return dict(zip(articles.article_id, articles.text))


def test_a_name_inside_a_longer_name_is_a_finding(dataset_copy):
    texts = _texts(dataset_copy)
    start = texts[ARTICLE].index("Mexico City")
    report = _with(dataset_copy, [_mention(texts, "mexico", start, start + len("Mexico"))])
    checks = {f.check for f in report.findings}
    assert checks == {"name-mentions-overlap"}, report.to_text()
    text = report.to_text()
    assert f"{ARTICLE}:m:{start}-{start + 6}" in text and f"{ARTICLE}:m:{start}-{start + 11}" in text and "(M4)" in text


def test_names_that_cross_are_a_finding(dataset_copy):
    texts = _texts(dataset_copy)
    start = texts[ARTICLE].index("Mexico City")
    report = _with(dataset_copy, [_mention(texts, "mexico-city", start + 7, start + 15)])
    assert "name-mentions-overlap" in {f.check for f in report.findings}, report.to_text()


def test_a_name_inside_a_nominal_and_names_of_other_articles_hold(dataset_copy):
    """The gold has "US" (NAME) inside "The US President" (NOMINAL); the same offsets in two
    articles are no overlap."""
    mentions = load(dataset_copy, "mentions")
    names = mentions[mentions.kind == "NAME"]
    assert (names.groupby(["start", "end"]).article_id.nunique() > 1).any()
    nominal = mentions[mentions.kind == "NOMINAL"]
    assert any(((names.article_id == n.article_id) & (names.start >= n.start) & (names.end <= n.end)).any() for n in nominal.itertuples())
    assert validate(dataset_copy).ok
