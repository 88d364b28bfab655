"""Cross checks of the segments table (beside schema/segments.py): segments tile each article;
boilerplate blocks have evidence rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from landstrikes.schema.articles_checks import BOILERPLATE_KINDS
from landstrikes.schema.checkcorpus import _rows
from landstrikes.schema.report import Report


def check_segments_partition(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Segments of an article tile [0, n_chars) with no gap and no overlap (SG1)."""
    articles, segments = tables.get("articles"), tables.get("segments")
    if articles is None or segments is None:
        return
    seg = segments[["segment_id", "article_id", "start", "end"]].astype({"start": "int64", "end": "int64"})
    seg = seg.sort_values(["article_id", "start"], kind="stable")
    # where the previous segments of the same article reach (0 before the first one)
    reach = seg.groupby("article_id", sort=False)["end"].cummax()
    before = reach.groupby(seg["article_id"], sort=False).shift(1, fill_value=0).clip(lower=0)
    wrong = (seg["start"] != before).to_numpy()
    for seg_id, start, position in zip(seg["segment_id"][wrong], seg["start"][wrong], before[wrong]):
        kind = "gap" if start > position else "overlap"
        report.add("segments", "segments-not-partition", f"{kind} at {position}..{start}", seg_id, "start", start)
    final = seg.groupby("article_id")["end"].max().clip(lower=0).reindex(articles["article_id"].to_numpy())
    missing = final.isna().to_numpy()
    for article_id in articles["article_id"][missing]:
        report.add("segments", "segments-not-partition", "article has no segments", article_id, "article_id", article_id)
    n_chars = articles["n_chars"].to_numpy(dtype="float64", na_value=np.nan)
    short = ~missing & (final.to_numpy(dtype="float64") != n_chars)
    for article_id, position, n in zip(articles["article_id"][short], final[short], articles["n_chars"][short]):
        report.add("segments", "segments-not-partition", f"segments end at {int(position)}, article has {n} chars", article_id, "end", int(position))


def check_boilerplate_evidence(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every navigation, prompt or advertisement block has its own boilerplate evidence row (AQ3).

    A join of blocks with the evidence rows of their article, then one vectorised "inside" test.
    """
    flags, segments = tables.get("quality_flags"), tables.get("segments")
    if flags is None or segments is None:
        return
    evidence = flags.loc[flags["flag"] == "boilerplate", ["article_id", "start", "end"]].dropna(subset=["article_id"])
    noise = _rows(segments, segments["kind"].isin(BOILERPLATE_KINDS), ["segment_id", "article_id", "start", "end"])
    blocks = noise[["article_id", "start", "end"]].assign(block=np.arange(len(noise)))
    pairs = blocks.merge(evidence, on="article_id", suffixes=("", "_flag"))
    inside = ((pairs["start_flag"] >= pairs["start"]) & (pairs["end_flag"] <= pairs["end"])).fillna(False).to_numpy(dtype=bool)
    bad = ~np.isin(np.arange(len(noise)), pairs["block"].to_numpy()[inside])
    for seg_id in noise["segment_id"][bad]:
        report.add("segments", "boilerplate-without-evidence", "no boilerplate quality flag row inside this block (AQ3)",
                   seg_id, "kind", segments.loc[segments["segment_id"] == seg_id, "kind"].iloc[0])
