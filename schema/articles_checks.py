"""Cross checks of the articles table (beside schema/articles.py): quality columns agree with
their evidence rows and segments (AQ1, AQ2), titles with headlines; the AQ2 rule itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from landstrikes.schema.article_rules import BOILERPLATE_KINDS, FACTUAL_SLIPS, MAJOR_FLAGS, quality_label_for  # noqa: F401 (AQ2, re-exported)
from landstrikes.schema.checkcorpus import _article_numbers, _rows, article_texts
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts


def check_article_quality(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Article quality columns are what their evidence rows and segments say (AQ1, AQ2)."""
    articles, flags, segments = (tables.get(n) for n in ("articles", "quality_flags", "segments"))
    if articles is None or flags is None:
        return
    distinct = flags[["article_id", "flag"]].dropna().drop_duplicates().sort_values(["article_id", "flag"])
    flag_sets = {a: list(f) for a, f in zip(*_grouped_lists(distinct["article_id"], distinct["flag"]))}
    flag_counts = flags.groupby(["article_id", "flag"]).size().to_dict()
    for article_id, listed, label in zip(articles["article_id"], articles["quality_flags"], articles["quality_label"]):
        evidenced = flag_sets.get(article_id, [])
        if sorted(listed or []) != evidenced:
            report.add("articles", "quality-flags-mismatch", f"quality_flags must be {evidenced}", article_id, "quality_flags", listed)
        want = quality_label_for(evidenced, sum(flag_counts.get((article_id, f), 0) for f in FACTUAL_SLIPS))
        if label != want:
            report.add("articles", "quality-label-rule", f"rule AQ2 gives {want!r}", article_id, "quality_label", label)
    if segments is not None:
        check_titles(articles, segments, article_texts(tables), report)
        noise = _rows(segments, segments["kind"].isin(BOILERPLATE_KINDS), ["article_id", "start", "end"])
        lengths = (noise["end"] - noise["start"]).groupby(noise["article_id"]).sum()
        noise_chars = lengths.reindex(articles["article_id"].to_numpy()).fillna(0).to_numpy(dtype="float64")
        n_chars = articles["n_chars"].to_numpy(dtype="float64", na_value=np.nan)
        shares = articles["boilerplate_share"].to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            # rounding moves the ratio by at most 5e-7: rows closer than 4e-7 pass the 1e-6 test
            suspect = ~(np.abs(shares - noise_chars / n_chars) <= 4e-7)
        for row in np.flatnonzero(suspect).tolist():
            article_id, share = articles["article_id"].iloc[row], articles["boilerplate_share"].iloc[row]
            if not n_chars[row] > 0:  # a null or non-positive n_chars is the schema's finding, no share exists
                continue
            want = round(lengths.get(article_id, 0) / n_chars[row], 6)
            if abs(share - want) > 1e-6:
                report.add("articles", "boilerplate-share-mismatch", f"segments give {want}", article_id, "boilerplate_share", share)


def _grouped_lists(keys: pd.Series, values: pd.Series):
    """Keys sorted already: each distinct key with the list of its values, without a Python step per row."""
    keys, values = keys.to_numpy(dtype=object), values.to_numpy(dtype=object)
    if len(keys) == 0:
        return [], []
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.split(values, starts[1:])


def check_titles(articles: pd.DataFrame, segments: pd.DataFrame, texts: ArticleTexts, report: Report) -> None:
    """`title` is the first headline segment, stripped, or null when there is none."""
    heads = _rows(segments, segments["kind"] == "headline", ["article_id", "start", "end"]).sort_values("start").drop_duplicates("article_id")
    number = _article_numbers(articles, heads["article_id"])
    start = heads["start"].to_numpy(dtype=np.int64, na_value=0)
    end = heads["end"].to_numpy(dtype=np.int64, na_value=0)
    known = (number >= 0) & ~articles["text"].isna().to_numpy()[np.maximum(number, 0)]
    number, start, end = number[known], start[known], end[known]
    wants = np.full(len(articles), None, dtype=object)
    plain = (start >= 0) & (end >= 0)  # Python's slice rules for what is in range; negative offsets read the text
    lengths = texts.lengths[number[plain]]
    first = np.minimum(start[plain], lengths)
    heads_text = texts.slices(number[plain], first, np.clip(end[plain], first, lengths)).to_pylist()
    wants[number[plain]] = [t.strip() for t in heads_text]
    text_column = articles["text"]
    for n, a, b in zip(number[~plain], start[~plain], end[~plain]):
        wants[n] = text_column.iloc[n][a:b].strip()
    # every row of an article id gets its first headline, as the dict lookup by id did
    wants = wants[_article_numbers(articles, articles["article_id"])]
    titles = articles["title"].to_numpy(dtype=object, na_value=None)
    for article_id, want, have in zip(articles["article_id"], wants, titles):
        if have != want:
            report.add("articles", "title-not-headline", f"the first headline segment gives {want!r}", article_id, "title", have)


