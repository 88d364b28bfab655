"""Cross checks of the segments table (beside schema/segments.py): segments tile each article;
boilerplate blocks have evidence rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from landstrikes.schema.articles_checks import BOILERPLATE_KINDS
from landstrikes.schema.checkcorpus import article_codes, LazyFrame, _rows, frame_ints, article_merge, frame_of, is_in, no_nulls, same_article_span_match
from landstrikes.schema.report import Report, counted

if TYPE_CHECKING:
    import pandas as pd


def check_segments_partition(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Segments of an article tile [0, n_chars) with no gap and no overlap (SG1)."""
    articles, segments = tables.get("articles"), tables.get("segments")
    if articles is None or segments is None:
        return
    if isinstance(segments, LazyFrame) and isinstance(articles, LazyFrame) and _tiles_on_arrow(articles, segments):
        return
    articles, segments = frame_of(articles), frame_of(segments)
    seg = segments[["segment_id", "article_id", "start", "end"]]
    # a segment without both offsets tiles nothing (its nulls are reported by the schema): the
    # others are still judged, and its place shows as a gap (attack10: the cast crashed SG1)
    seg = seg[seg["start"].notna() & seg["end"].notna()].astype({"start": "int64", "end": "int64"})
    seg = seg.sort_values(["article_id", "start"], kind="stable")
    # where the previous segments of the same article reach (0 before the first one)
    reach = seg.groupby("article_id", sort=False)["end"].cummax()
    before = reach.groupby(seg["article_id"], sort=False).shift(1, fill_value=0).clip(lower=0)
    wrong = (seg["start"] != before).to_numpy()
    for seg_id, start, position in zip(seg["segment_id"][wrong], seg["start"][wrong], before[wrong]):
        kind = "gap" if start > position else "overlap"
        # an offset, whatever dtype a null article id's NaN gave the running maximum (attack31: "11509.0" in one folder, "11509" in a partition)
        position = int(position) if position == position else position
        report.add("segments", "segments-not-partition", f"{kind} at {position}..{start}", seg_id, "start", start)
    final = seg.groupby("article_id")["end"].max().clip(lower=0).reindex(articles["article_id"].to_numpy())
    missing = final.isna().to_numpy()
    for article_id in articles["article_id"][missing]:
        report.add("articles", "segments-not-partition", "article has no segments", article_id, "text")  # the article's row, not a segment's (attack50)
    n_chars = articles["n_chars"].to_numpy(dtype="float64", na_value=np.nan)
    short = ~missing & (final.to_numpy(dtype="float64") != n_chars)
    for article_id, position, n in zip(articles["article_id"][short], final[short], articles["n_chars"][short]):
        report.add("articles", "segments-not-partition", f"segments end at {int(position)}, article has {counted(n, 'char')}", article_id, "n_chars", n)


def check_boilerplate_evidence(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every navigation, prompt or advertisement block has its own boilerplate evidence row (AQ3).

    A join of blocks with the evidence rows of their article, then one vectorised "inside" test.
    """
    flags, segments = tables.get("quality_flags"), tables.get("segments")
    if flags is None or segments is None:
        return
    if isinstance(flags, LazyFrame) and isinstance(segments, LazyFrame) and _blocks_evidenced_on_arrow(flags, segments):
        return
    flags, segments = frame_of(flags), frame_of(segments)
    evidence = flags.loc[flags["flag"] == "boilerplate", ["article_id", "start", "end"]].dropna(subset=["article_id"])
    noise = _rows(segments, segments["kind"].isin(BOILERPLATE_KINDS), ["segment_id", "article_id", "start", "end", "kind"])
    blocks = noise[["article_id", "start", "end"]].assign(block=np.arange(len(noise)))
    # the merge on article_id less the pairs of known spans where the block holds no flag (attack30: it formed one article's every pair)
    pairs = article_merge(blocks, evidence, "holds", suffixes=("", "_flag"), first_only=True)  # one flag per block is enough
    inside = ((pairs["start_flag"] >= pairs["start"]) & (pairs["end_flag"] <= pairs["end"])).fillna(False).to_numpy(dtype=bool)
    bad = ~np.isin(np.arange(len(noise)), pairs["block"].to_numpy()[inside])
    # the block's own kind (looked up by id, a null id found no row: the check crashed, session 28)
    for seg_id, kind in zip(noise["segment_id"][bad], noise["kind"][bad]):
        report.add("segments", "boilerplate-without-evidence", "no boilerplate quality flag row inside this block (AQ3)",
                   seg_id, "kind", kind)


def _tiles_on_arrow(articles, segments) -> bool:
    """True when every article's segments tile [0, n_chars) (the rule above finds nothing),
    decided on Arrow and numpy; False (the frames decide) where a null or a huge offset is met."""
    if not (no_nulls(segments, "article_id", "start", "end") and no_nulls(articles, "article_id", "n_chars")):
        return False
    seg_article, article = article_codes((segments, None), (articles, None))
    start, end = frame_ints(segments, "start"), frame_ints(segments, "end")
    if len(start):
        order = np.lexsort((start, seg_article))  # stable: by article, then start, ties in row order
        group, start, end = seg_article[order], start[order], end[order]
        first = np.r_[True, group[1:] != group[:-1]]
        low, span = int(min(end.min(), 0)), int(max(end.max(), 0)) - int(min(end.min(), 0)) + 1
        rank = np.cumsum(first) - 1
        if span * (int(rank[-1]) + 1) >= 2**62:
            return False
        # the running maximum of `end` within each article: later articles are lifted above earlier ones
        reach = np.maximum.accumulate((end - low) + rank * span) - rank * span + low
        before = np.where(first, 0, np.maximum(np.r_[0, reach[:-1]], 0))
        if np.any(start != before):
            return False
        last = np.r_[np.flatnonzero(first)[1:] - 1, len(group) - 1]
        final = np.full(int(max(group.max(), article.max(initial=-1))) + 1, -1, np.int64)
        final[group[last]] = np.maximum(reach[last], 0)
    else:
        final = np.full(int(article.max(initial=-1)) + 1, -1, np.int64)
    wants = final[article] if len(article) else np.zeros(0, np.int64)
    return bool(np.all(wants >= 0) and np.all(wants == frame_ints(articles, "n_chars")))


def _blocks_evidenced_on_arrow(flags, segments) -> bool:
    """True when every boilerplate block holds a boilerplate flag row of its article (the rule
    above finds nothing), decided on Arrow and numpy; False where a null meets the rule."""
    noise = np.flatnonzero(is_in(segments, "kind", BOILERPLATE_KINDS))
    evidence = np.flatnonzero(is_in(flags, "flag", ["boilerplate"]))
    if not len(noise):
        return True
    first = same_article_span_match(segments, noise, flags, evidence, "holds")  # some flag row inside each block
    if first is None:
        return False
    return bool(np.all(first >= 0))
