"""Cross checks of the quotes table (beside schema/quotes.py): speaker status, parent quotes,
quotation-mark coverage.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import (
    _excerpts,
    article_numbers,
    article_texts,
    frame_ints,
    frame_nulls,
    frame_of,
    frame_strings,
    ints,
    nulls,
    same_article_positions,
    pandas_on_demand as pd,
    strings_of,
)
from landstrikes.schema.quote_pairs import mark_scan
from landstrikes.schema.report import Report
from landstrikes.schema.spankeys import exact_spans
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
    _report_rules(quotes, rules, "speaker-status-inconsistent", report)
    if mentions is not None:
        # duplicate mention ids are reported by Pandera; the first one is used so this check still runs. A mention
        # of another article only is cross_article_refs' finding (found on whole tables, also under --engine)
        mention = same_article_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id")
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
            taken = rows.filter(pa.array(bad))
            # whose mention it is, so that the line says which of speaker_id and speaker_mention_id to change (newuser47:
            # a speaker re-annotated in a copy read only "must be a mention of the speaker")
            whose = strings_of(tables, "mentions", "entity_id").take(taken).to_pylist()
            speakers = quotes["speaker_id"][linked][bad]
            for row_id, value, entity, speaker in zip(quotes["quote_id"][linked][bad], quotes["speaker_mention_id"][linked][bad], whose, speakers):
                entity, speaker = (repr(v) if isinstance(v, str) else "null" for v in (entity, speaker))  # NaN read as null
                said = f"{value} is a mention of {entity}, the speaker_id is {speaker}: " if entity != speaker else ""
                report.add("quotes", "speaker-mention-mismatch", f"{said}speaker mention must be a mention of the speaker in the same article", row_id, "speaker_mention_id", value)
    # the parent of a nested quote is the last row of its article with that quote id (duplicates are Pandera's; a
    # parent of another article only is cross_article_refs' finding)
    ids = strings_of(tables, "quotes", "quote_id")
    n = len(ids)
    found = same_article_positions(tables, "quotes", "parent_quote_id", "quotes", "quote_id", last=True)
    parent = np.where(found >= 0, n - 1 - found, -1)  # as a position in the reversed ids, which the null rule reads
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
    # a null the rule meets (Pandera's finding) decides nothing: not reported here (it crashed the check, session 28)
    bad = ((~inside).fillna(False) | (nested["parent_quote_id"] == nested["quote_id"]).fillna(False)).to_numpy(dtype=bool)
    for quote_id, parent in zip(nested["quote_id"][bad], nested["parent_quote_id"][bad]):
        report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", quote_id, "parent_quote_id", parent)


def check_quote_mark_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every mark pair and stray mark is exactly one quote row (Q2): a missing quote fails.

    One scan over all article bytes (markscan.py); matching marks to rows is a join, not a loop
    over rows. The joins are on an integer article key (`_article_keys`: equal exactly where the
    article ids are equal), not on the id strings, whose hashing was most of their cost. Columns
    are read from Arrow; a marked or orphan row with a null offset (Pandera's finding) covers no
    mark (it made the check crash, so no row was judged, until session 28).
    """
    articles, quotes = tables.get("articles"), tables.get("quotes")
    if articles is None or quotes is None:
        return
    numbers = article_numbers(tables, "quotes")
    known = numbers >= 0
    kinds = frame_strings(quotes, "kind").filter(pa.array(known))
    is_marked = pc.fill_null(pc.is_in(kinds, value_set=pa.array(["direct", "partial", "scare"], kinds.type)), False).to_numpy(zero_copy_only=False)
    is_orphan = pc.fill_null(pc.equal(kinds, pa.scalar("orphan", kinds.type)), False).to_numpy(zero_copy_only=False)
    # a row with a null offset (Pandera's finding) cannot be placed on the text: it covers no mark
    placed = ~(frame_nulls(quotes, "start") | frame_nulls(quotes, "end"))[known]
    is_marked &= placed
    is_orphan &= placed
    rows_known = np.flatnonzero(known)
    starts, ends = frame_ints(quotes, "start")[rows_known], frame_ints(quotes, "end")[rows_known]
    known_keys = numbers[known]  # a known quote's article key is its article's last row
    scan = mark_scan(tables)
    keys = _article_keys(tables)
    # joins as integer row codes in numpy (equal exactly where (key, start, end) are equal)
    rows = np.stack([known_keys[is_marked], starts[is_marked], ends[is_marked]], axis=1).astype(np.int64).reshape(-1, 3)
    pair_starts, pair_ends = scan.pair_open + 1, scan.pair_close
    expected_code, row_code = row_codes(np.stack([keys[scan.pair_article], pair_starts, pair_ends], axis=1), rows)
    width = len(expected_code) + len(row_code)
    count = np.bincount(row_code, minlength=width)[expected_code]  # quote rows at each pair
    bad = np.flatnonzero(count != 1)
    numbers = scan.pair_article[bad]
    excerpts = _excerpts(article_texts(tables), numbers, pair_starts[bad], pair_ends[bad])
    for article_id, start, end, n, excerpt in zip(_taken(articles, "article_id", numbers), pair_starts[bad].tolist(), pair_ends[bad].tolist(), count[bad].tolist(), excerpts):
        report.add("articles", "quote-mark-coverage", f"quotation marks at {start - 1}..{end} are covered by {n} quote rows, expected 1", article_id, "text", excerpt,
                   value_of=f"text[{start}:{end}]")  # a place in the text, the article's row (attack50)
    # two articles with one id (a duplicate, reported elsewhere) can hold the same pair: one key
    unmarked = np.bincount(expected_code, minlength=width)[row_code] == 0
    marked_rows = rows_known[is_marked]
    for qid, start, end in zip(_taken(quotes, "quote_id", marked_rows[unmarked]), rows[unmarked, 1].tolist(), rows[unmarked, 2].tolist()):
        report.add("quotes", "quote-without-marks", "direct/partial/scare quote must be exactly the text between a pair of quotation marks", qid, "start", (start, end), value_of="its span")
    orphan_rows = np.stack([known_keys[is_orphan], starts[is_orphan], ends[is_orphan]], axis=1).astype(np.int64).reshape(-1, 3)
    _check_orphans(articles, article_texts(tables), quotes, rows_known[is_orphan], orphan_rows, keys,
                   scan.stray_article, scan.stray_position, scan.stray_opens, report)


def _taken(df, column: str, rows: np.ndarray) -> list:
    """`df[column]` at `rows` as the frame holds them: read only to word findings (none: no frame)."""
    rows = np.asarray(rows, dtype=np.int64)
    return frame_of(df)[column].to_numpy()[rows].tolist() if len(rows) else []


def _article_keys(tables: dict[str, pd.DataFrame]) -> np.ndarray:
    """An integer per article row, equal for two rows exactly when their article ids are equal:
    the last row with that id (what `article_numbers` gives every other table's rows), and a
    distinct negative number for a row whose id is null (a null id joins nothing)."""
    keys = article_numbers(tables, "articles").copy()
    unknown = keys < 0
    keys[unknown] = -2 - np.flatnonzero(unknown)
    return keys


def _check_orphans(articles, texts: ArticleTexts, quotes, orphan_rows: np.ndarray, span: np.ndarray, keys: np.ndarray,
                   number: np.ndarray, position: np.ndarray, opens: np.ndarray, report: Report) -> None:
    """Each unmatched mark is touched by exactly one orphan span, and each orphan touches one."""
    number, position, opens = (np.asarray(number, dtype=np.int64), np.asarray(position, dtype=np.int64),
                               np.asarray(opens, dtype=bool))
    key = keys[number]
    # an opening mark is touched by a span starting after it, a closing one by a span ending at it
    touch = np.where(opens, position + 1, position)
    distinct = np.zeros(len(span), dtype=bool)  # the first row of each distinct span
    distinct[np.unique(row_codes(span)[0], return_index=True)[1]] = True
    # distinct spans touching each stray, and whether some stray touches each span
    touched = np.zeros(len(key), dtype=np.int64)
    claimed = np.zeros(len(span), dtype=bool)
    for side, mine in ((1, opens), (2, ~opens)):
        stray_code, span_code = row_codes(np.stack([key, touch], axis=1)[mine], span[:, [0, side]])
        width = len(stray_code) + len(span_code)
        touched[mine] = np.bincount(span_code[distinct], minlength=width)[stray_code]
        claimed |= np.bincount(stray_code, minlength=width)[span_code] > 0
    # every stray of one key and position counts the touches of all of them (duplicate articles)
    place = row_codes(np.stack([key, position], axis=1))[0]
    counts = np.bincount(place, weights=touched, minlength=len(place)).astype(np.int64)[place]
    bad = np.flatnonzero(counts != 1)
    starts = np.maximum(0, position[bad] - 20)
    excerpts = _excerpts(texts, number[bad], starts, position[bad] + 1)
    for article_id, at, count, excerpt, begin in zip(_taken(articles, "article_id", number[bad]), position[bad].tolist(), counts[bad].tolist(), excerpts,
                                                     starts.tolist()):
        report.add("articles", "quote-mark-coverage", f"unmatched quotation mark at {at} is covered by {count} orphan rows, expected 1", article_id,
                   "text", excerpt, value_of=f"text[{begin}:{at + 1}]")
    unclaimed = np.flatnonzero(~claimed)
    for qid, row in zip(_taken(quotes, "quote_id", orphan_rows[unclaimed]), unclaimed.tolist()):
        report.add("quotes", "orphan-without-stray-mark", "orphan quote must touch an unmatched quotation mark", qid, "start",
                   (int(span[row, 1]), int(span[row, 2])), value_of="its span")


def row_codes(*parts: np.ndarray) -> list[np.ndarray]:
    """For (n, k) integer arrays: an integer per row, equal exactly where two rows (of any of the
    arrays) are equal, and below the total number of rows (a join key for `np.bincount`)."""
    stacked = np.concatenate(parts).astype(np.int64)
    codes = np.zeros(len(stacked), dtype=np.int64)
    if len(stacked):
        order = np.lexsort(stacked.T[::-1])
        ranked = stacked[order]
        fresh = np.ones(len(ranked), dtype=bool)
        fresh[1:] = (ranked[1:] != ranked[:-1]).any(axis=1)
        codes[order] = np.cumsum(fresh) - 1
    return np.split(codes, np.cumsum([len(p) for p in parts])[:-1])


_NO_SPEAKER_WORDS = ("term", "unattributed", "implicit")
"""Statuses whose row has no words naming a speaker at the quote (Q16)."""
_NAMED_BY_PHRASE = ("unnamed_source", "multiple")
"""Statuses whose speaker has no mention: a human annotator gives the phrase naming them (Q16)."""


def check_speaker_words(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """The speaker's words (Q16) agree with the speaker: the speaker mention's own span when there
    is one; present for a gold `unnamed_source` or `multiple` row; absent for a row whose status
    names no speaker; never inside the quoted words themselves; for an annotator's unnamed source,
never a mention (Q9: a catalogued group is not unnamed)."""
    quotes = tables.get("quotes")
    if quotes is None or "speaker_start" not in quotes or "speaker_end" not in quotes:
        return
    status = strings_of(tables, "quotes", "speaker_status")
    absent = nulls(tables, "quotes", "speaker_start") | nulls(tables, "quotes", "speaker_end")
    words_start, words_end = ints(tables, "quotes", "speaker_start"), ints(tables, "quotes", "speaker_end")
    start, end = ints(tables, "quotes", "start"), ints(tables, "quotes", "end")
    no_words = pc.fill_null(pc.is_in(status, value_set=pa.array(_NO_SPEAKER_WORDS, pa.large_string())), False).to_numpy(zero_copy_only=False)
    by_phrase = pc.fill_null(pc.is_in(status, value_set=pa.array(_NAMED_BY_PHRASE, pa.large_string())), False).to_numpy(zero_copy_only=False)
    gold = (pc.fill_null(pc.equal(strings_of(tables, "quotes", "source"), "gold"), False).to_numpy(zero_copy_only=False)
            if "source" in quotes else np.zeros(len(status), dtype=bool))
    has_mention = ~nulls(tables, "quotes", "speaker_mention_id")
    mention_span_differs = np.zeros(len(status), dtype=bool)
    if tables.get("mentions") is not None and "start" in tables["mentions"] and "end" in tables["mentions"]:
        mention = same_article_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id")
        linked = np.flatnonzero(mention >= 0)
        m_start, m_end = ints(tables, "mentions", "start"), ints(tables, "mentions", "end")
        mention_span_differs[linked] = absent[linked] | (words_start[linked] != m_start[mention[linked]]) | (words_end[linked] != m_end[mention[linked]])
    overlaps_quote = ~absent & (words_start < end) & (start < words_end)
    unnamed = pc.fill_null(pc.equal(status, "unnamed_source"), False).to_numpy(zero_copy_only=False)
    rules = (
        (no_words & ~absent, "speaker_start", "this speaker_status names no speaker, so there are no speaker words"),
        (has_mention & mention_span_differs, "speaker_start", "the speaker words must be the speaker mention's span"),
        (gold & by_phrase & absent & ~has_mention, "speaker_start", "an annotated unnamed_source or multiple row gives the phrase naming its speakers"),
        (overlaps_quote, "speaker_start", "the speaker words overlap the quoted words"),
        (_are_a_mention(tables, np.flatnonzero(gold & unnamed & ~absent), words_start, words_end), "speaker_start",
         "an unnamed source is no catalogued entity (Q9): these speaker words are a mention, so the row is attributed to it"),
    )
    _report_rules(quotes, rules, "speaker-words-inconsistent", report)


def _are_a_mention(tables, rows: np.ndarray, words_start: np.ndarray, words_end: np.ndarray) -> np.ndarray:
    """Per quotes row: one of `rows` whose speaker words are exactly a mention's span in its article.
    The extractor's rows are not asked (their mentions are proposals: a title read as a name)."""
    found = np.zeros(len(words_start), dtype=bool)
    mentions = tables.get("mentions")
    if not len(rows) or mentions is None or "articles" not in tables or not all(c in mentions for c in ("article_id", "start", "end")):
        return found
    found[rows] = exact_spans(article_numbers(tables, "quotes")[rows], words_start[rows], words_end[rows],
                              article_numbers(tables, "mentions"), ints(tables, "mentions", "start", -1), ints(tables, "mentions", "end", -1))
    return found


def _report_rules(quotes, rules, check: str, report: Report) -> None:
    """One finding per quotes row each (mask, column, message) rule holds for; pandas only for those rows."""
    for mask, column, message in rules:
        rows = np.flatnonzero(mask)
        if not len(rows):
            continue
        frame = frame_of(quotes)
        for row_id, value in zip(frame["quote_id"].iloc[rows].astype(str), frame[column].iloc[rows]):
            report.add("quotes", check, message, row_id, column, value)
