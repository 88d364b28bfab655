"""Cross checks of the quotes table (beside schema/quotes.py): speaker status, parent quotes,
quotation-mark coverage.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import (
    _excerpts,
    _first_index_arrow,
    _rows,
    article_numbers,
    article_texts,
    frame_of,
    ints,
    key_positions,
    nulls,
    pandas_on_demand as pd,
    strings_of,
)
from landstrikes.schema.markscan import scan_corpus_marks
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts


def check_quotes(tables: dict[str, pd.DataFrame], report: Report) -> None:
    quotes, mentions = tables.get("quotes"), tables.get("mentions")
    if quotes is None:
        return
    # the status rules as numpy masks over every row; pandas indexes only the failing rows
    status = strings_of(tables, "quotes", "speaker_status")
    needs_mention = pc.fill_null(pc.equal(status, "attributed"), False).to_numpy(zero_copy_only=False)
    needs_speaker = pc.fill_null(pc.is_in(status, value_set=pa.array(["attributed", "implicit"], pa.large_string())), False).to_numpy(zero_copy_only=False)
    no_speaker, no_mention = nulls(tables, "quotes", "speaker_id"), nulls(tables, "quotes", "speaker_mention_id")
    rules = (
        (needs_speaker & no_speaker, "speaker_id", "speaker_status requires a speaker_id"),
        (~needs_speaker & ~no_speaker, "speaker_id", "speaker_status says there is no single speaker"),
        (needs_mention & no_mention, "speaker_mention_id", "attributed quote needs its speaker mention"),
        (~needs_mention & ~no_mention, "speaker_mention_id", "only attributed quotes have a speaker mention"),
    )
    for mask, column, message in rules:
        rows = np.flatnonzero(mask)
        if not len(rows):
            continue
        quotes = frame_of(quotes)
        for row_id, value in zip(quotes["quote_id"].iloc[rows].astype(str), quotes[column].iloc[rows]):
            report.add("quotes", "speaker-status-inconsistent", message, row_id, column, value)
    if mentions is not None:
        # duplicate mention ids are reported by Pandera; the first one is used so this check still runs
        mention = key_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id")
        linked = mention >= 0
        rows = pa.array(mention[linked])
        quote_article = strings_of(tables, "quotes", "article_id").filter(pa.array(linked))
        # a null on either side never matches (as numpy's nan != nan); a null speaker reads "nan"
        speaker = pc.fill_null(strings_of(tables, "quotes", "speaker_id"), "nan").filter(pa.array(linked))
        bad = pc.or_(
            pc.fill_null(pc.not_equal(strings_of(tables, "mentions", "article_id").take(rows), quote_article), True),
            pc.fill_null(pc.not_equal(strings_of(tables, "mentions", "entity_id").take(rows), speaker), True),
        ).to_numpy(zero_copy_only=False)
        if bad.any():
            quotes = frame_of(quotes)
            for row_id, value in zip(quotes["quote_id"][linked][bad], quotes["speaker_mention_id"][linked][bad]):
                report.add("quotes", "speaker-mention-mismatch", "speaker mention must be a mention of the speaker in the same article", row_id, "speaker_mention_id", value)
    # the parent of a nested quote is the last row with that quote id (duplicates are Pandera's)
    ids = strings_of(tables, "quotes", "quote_id")
    n = len(ids)
    parent = _first_index_arrow(strings_of(tables, "quotes", "parent_quote_id"), ids.take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64))))
    has_parent = parent >= 0
    nested = np.flatnonzero(has_parent)
    parents = n - 1 - parent[has_parent]
    both = np.concatenate([nested, parents])
    if any(nulls(tables, "quotes", c)[both].any() for c in ("article_id", "start", "end")) or nulls(tables, "quotes", "quote_id")[nested].any():
        return _parents_with_nulls(frame_of(quotes), parent, has_parent, report)  # pandas' own null semantics decide
    article = strings_of(tables, "quotes", "article_id")
    start, end = (ints(tables, "quotes", c) for c in ("start", "end"))
    same_article = pc.equal(article.take(pa.array(parents)), article.take(pa.array(nested))).to_numpy(zero_copy_only=False)
    inside = same_article & (start[parents] <= start[nested]) & (end[nested] <= end[parents])
    own = pc.equal(strings_of(tables, "quotes", "parent_quote_id").take(pa.array(nested)), ids.take(pa.array(nested))).to_numpy(zero_copy_only=False)
    bad = nested[~inside | own]
    if not len(bad):
        return
    quotes = frame_of(quotes)
    ids = quotes["quote_id"]
    for quote_id, parent in zip(ids.iloc[bad], quotes["parent_quote_id"].iloc[bad]):
        report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", quote_id, "parent_quote_id", parent)


def _parents_with_nulls(quotes: pd.DataFrame, parent: np.ndarray, has_parent: np.ndarray, report: Report) -> None:
    """The enclosing-parent rule in pandas, for rows where a null meets it."""
    key = ["quote_id", "parent_quote_id", "article_id", "start", "end"]
    ids = quotes["quote_id"]
    nested = quotes.loc[has_parent, key].reset_index(drop=True)
    parents = quotes[["article_id", "start", "end"]].iloc[len(ids) - 1 - parent[has_parent]].reset_index(drop=True)
    inside = (
        (parents["article_id"] == nested["article_id"])
        & (parents["start"] <= nested["start"])
        & (nested["end"] <= parents["end"])
    )
    bad = (~inside | (nested["parent_quote_id"] == nested["quote_id"])).to_numpy()
    for quote_id, parent in zip(nested["quote_id"][bad], nested["parent_quote_id"][bad]):
        report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", quote_id, "parent_quote_id", parent)


def check_quote_mark_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every mark pair and stray mark is exactly one quote row (Q2): a missing quote fails.

    One scan over all article bytes (markscan.py); matching marks to rows is a join, not a loop
    over rows. The joins are on an integer article key (`_article_keys`: equal exactly where the
    article ids are equal), not on the id strings, whose hashing was most of their cost.
    """
    articles, quotes = tables.get("articles"), tables.get("quotes")
    if articles is None or quotes is None:
        return
    numbers = article_numbers(tables, "quotes")
    known = _rows(quotes, numbers >= 0, ["quote_id", "article_id", "kind", "start", "end"])
    known_keys = numbers[numbers >= 0]  # a known quote's article key is its article's last row
    is_marked = known["kind"].isin(["direct", "partial", "scare"]).to_numpy(dtype=bool)
    is_orphan = (known["kind"] == "orphan").to_numpy(dtype=bool, na_value=False)
    marked, orphans = known[is_marked], known[is_orphan]
    scan = scan_corpus_marks(article_texts(tables))
    article_ids = articles["article_id"].to_numpy()
    keys = _article_keys(tables)
    expected = pd.DataFrame({"number": scan.pair_article, "start": scan.pair_open + 1, "end": scan.pair_close})
    expected.insert(0, "article_id", article_ids[expected["number"].to_numpy()])
    expected.insert(0, "key", keys[expected["number"].to_numpy()])
    key = ["key", "start", "end"]
    rows = marked[["article_id", "start", "end"]].astype({"start": "int64", "end": "int64"})
    rows = pd.DataFrame({"key": known_keys[is_marked], "start": rows["start"].to_numpy(), "end": rows["end"].to_numpy()})
    counts = rows.value_counts().rename("count").reset_index()
    covered = expected.merge(counts, on=key, how="left").fillna({"count": 0})
    bad = covered[covered["count"] != 1]
    excerpts = _excerpts(article_texts(tables), bad["number"], bad["start"], bad["end"])
    for article_id, start, end, count, excerpt in zip(bad["article_id"], bad["start"], bad["end"], bad["count"], excerpts):
        report.add("quotes", "quote-mark-coverage", f"quotation marks at {start - 1}..{end} are covered by {int(count)} quote rows, expected 1", article_id, "start", excerpt)
    # one key per pair: two articles with one id (a duplicate, reported elsewhere) can hold the same pair
    unmarked = rows.merge(expected[key].drop_duplicates(), on=key, how="left", indicator=True)["_merge"].to_numpy() == "left_only"
    for qid, start, end in zip(marked["quote_id"][unmarked], rows["start"][unmarked], rows["end"][unmarked]):
        report.add("quotes", "quote-without-marks", "direct/partial/scare quote must be exactly the text between a pair of quotation marks", qid, "start", (start, end))
    strays = pd.DataFrame({"number": scan.stray_article, "position": scan.stray_position, "opens": scan.stray_opens})
    _check_orphans(articles, article_texts(tables), orphans, known_keys[is_orphan], keys, strays, report)


def _article_keys(tables: dict[str, pd.DataFrame]) -> np.ndarray:
    """An integer per article row, equal for two rows exactly when their article ids are equal:
    the last row with that id (what `article_numbers` gives every other table's rows), and a
    distinct negative number for a row whose id is null (a null id joins nothing)."""
    keys = article_numbers(tables, "articles").copy()
    unknown = keys < 0
    keys[unknown] = -2 - np.flatnonzero(unknown)
    return keys


def _check_orphans(articles: pd.DataFrame, texts: ArticleTexts, orphans: pd.DataFrame, orphan_keys: np.ndarray, keys: np.ndarray,
                   strays: pd.DataFrame, report: Report) -> None:
    """Each unmatched mark is touched by exactly one orphan span, and each orphan touches one."""
    article_ids = articles["article_id"].to_numpy()
    strays = strays.astype({"number": "int64", "position": "int64", "opens": bool})
    strays.insert(0, "article_id", article_ids[strays["number"].to_numpy()])
    strays.insert(0, "key", keys[strays["number"].to_numpy()])
    # an opening mark is touched by a span starting after it, a closing one by a span ending at it
    strays["touch"] = np.where(strays["opens"], strays["position"] + 1, strays["position"])
    rows = orphans[["article_id", "start", "end"]].astype({"start": "int64", "end": "int64"})
    rows = pd.DataFrame({"key": orphan_keys, "start": rows["start"].to_numpy(), "end": rows["end"].to_numpy()})
    spans = rows.drop_duplicates()
    hits = pd.concat(
        [
            strays[strays["opens"]].merge(spans, left_on=["key", "touch"], right_on=["key", "start"]),
            strays[~strays["opens"]].merge(spans, left_on=["key", "touch"], right_on=["key", "end"]),
        ]
    )
    per_stray = hits.groupby(["key", "position"]).size()
    counts = per_stray.reindex(pd.MultiIndex.from_frame(strays[["key", "position"]]), fill_value=0).to_numpy()
    bad = strays[counts != 1]
    starts = np.maximum(0, bad["position"].to_numpy() - 20)
    excerpts = _excerpts(texts, bad["number"], starts, bad["position"].to_numpy() + 1)
    for article_id, position, count, excerpt in zip(bad["article_id"], bad["position"], counts[counts != 1], excerpts):
        report.add("quotes", "quote-mark-coverage", f"unmatched quotation mark at {position} is covered by {count} orphan rows, expected 1", article_id, "start", excerpt)
    claimed = hits[["key", "start", "end"]].drop_duplicates()
    unclaimed = rows.merge(claimed, how="left", indicator=True)["_merge"].to_numpy() == "left_only"
    for qid, start, end in zip(orphans["quote_id"][unclaimed], rows["start"][unclaimed], rows["end"][unclaimed]):
        report.add("quotes", "orphan-without-stray-mark", "orphan quote must touch an unmatched quotation mark", qid, "start", (start, end))
