"""Checks that need more than one table or the article text (Pandera has no multi-table API).

Each check is vectorised or a single pass per article, so cost grows linearly with rows.
Every failure is a Finding with a stable check id (see `CHECK_IDS` in README).
"""

from __future__ import annotations

import re
import threading
import unicodedata

import ahocorasick_rs

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.aliasscan import alias_occurrences, alias_occurrences_by_alias, separators_present, spaced_variants
from landstrikes.schema.labels import QUALITY_FLAGS
from landstrikes.schema.markscan import scan_corpus_marks
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts, span_text_equal

# (table, column, referenced table, referenced column); null values are allowed where the
# column is nullable, list columns are checked element-wise.
FOREIGN_KEYS = (
    ("mentions", "article_id", "articles", "article_id"),
    ("mentions", "entity_id", "entities", "entity_id"),
    ("mention_exclusions", "article_id", "articles", "article_id"),
    ("mention_exclusions", "entity_id", "entities", "entity_id"),
    ("quotes", "article_id", "articles", "article_id"),
    ("quotes", "speaker_id", "entities", "entity_id"),
    ("quotes", "speaker_mention_id", "mentions", "mention_id"),
    ("quotes", "parent_quote_id", "quotes", "quote_id"),
    ("quotes", "speaker_ids", "entities", "entity_id"),
    ("quotes", "event_id", "entities", "entity_id"),
    ("claims", "article_id", "articles", "article_id"),
    ("claims", "claimant_id", "entities", "entity_id"),
    ("claims", "contradicted_by", "claims", "claim_id"),
    ("claims", "cluster_id", "claim_clusters", "cluster_id"),
    ("stances", "article_id", "articles", "article_id"),
    ("stances", "holder_id", "entities", "entity_id"),
    ("stances", "target_id", "stance_targets", "target_id"),
    ("segments", "article_id", "articles", "article_id"),
    ("quality_flags", "article_id", "articles", "article_id"),
)

# Id layout per table: how the id is derived from the row (STYLE rule 7: ids from content).
ID_CODES = {"mentions": "m", "mention_exclusions": "x", "quotes": "q", "claims": "c", "segments": "g"}


class Corpus(dict):
    """The tables of one validate run, by name. What several checks need (the indexed article
    texts, key lookups) is computed once, by whichever check asks first; checks run in threads."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._memo: dict[tuple, _Once] = {}

    def once(self, key: tuple, compute):
        with self._lock:
            entry = self._memo.setdefault(key, _Once())
        return entry.get(compute)


class _Once:
    def __init__(self):
        self._lock = threading.Lock()
        self._done = False
        self._value = None

    def get(self, compute):
        with self._lock:
            if not self._done:
                self._value, self._done = compute(), True
        return self._value


def _shared(tables: dict[str, pd.DataFrame], key: tuple, compute):
    """compute(), once per validate run when `tables` is a Corpus."""
    return tables.once(key, compute) if isinstance(tables, Corpus) else compute()


def key_positions(tables: dict[str, pd.DataFrame], table: str, column: str, ref_table: str, ref_column: str) -> np.ndarray:
    """Row in `ref_table` of the first `ref_column` equal to each `table.column`, -1 if none or null."""
    return _shared(tables, ("key", table, column, ref_table, ref_column),
                   lambda: _first_index(tables[table][column], tables[ref_table][ref_column]))


def article_texts(tables: dict[str, pd.DataFrame]) -> ArticleTexts:
    """The articles' UTF-8 text with code point arithmetic (cached on a `Corpus`)."""
    return _shared(tables, ("texts",), lambda: ArticleTexts(_strings(tables["articles"]["text"])))


def _ids(df: pd.DataFrame, table: str) -> pd.Series:
    return df[TABLES_BY_NAME[table].id_column].astype(str)


def _strings(series: pd.Series) -> pa.Array:
    """A string column as an Arrow array (zero-copy for pandas' Arrow-backed strings)."""
    return pa.array(series, from_pandas=True).cast(pa.large_string())


def _isin(series: pd.Series, values) -> np.ndarray:
    """Series.isin via Arrow: pandas' Arrow-string isin loops over `values` in Python."""
    value_set = _strings(pd.Series(values, dtype=object).dropna().astype(str))
    found = pc.is_in(_strings(series.astype(str)), value_set=value_set)
    return (pc.fill_null(found, False).to_numpy(zero_copy_only=False)) & series.notna().to_numpy()


def _article_numbers(articles: pd.DataFrame, article_ids: pd.Series) -> np.ndarray:
    """Row number in `articles` of each article id (the last row on duplicates), -1 if unknown."""
    n = len(articles)
    reversed_ids = _strings(articles["article_id"]).take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64)))
    found = _first_index_arrow(_strings(article_ids), reversed_ids)
    return np.where(found >= 0, n - 1 - found, -1)


def check_foreign_keys(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Vectorised membership test (Arrow is_in), one pass per foreign key."""
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        if table not in tables or ref_table not in tables:
            continue
        df = tables[table]
        is_list = TABLES_BY_NAME[table].column(column).type == "string_list"
        if not is_list:  # the common case: no copy of the column, Python only for dangling rows
            dangling = np.flatnonzero((key_positions(tables, table, column, ref_table, ref_column) < 0) & df[column].notna().to_numpy())
            for row_id, value in zip(_ids(df, table).iloc[dangling], df[column].iloc[dangling]):
                report.add(table, "dangling-foreign-key", f"{column} {value!r} is not a {ref_table}.{ref_column}", row_id, column, value)
            continue
        known = _strings(tables[ref_table][ref_column].dropna().astype(str))
        ids = _ids(df, table)
        values = df[column].explode()
        ids = ids.reindex(values.index)
        present = values.notna().to_numpy()
        values, ids = values[present], ids[present]
        found = _first_index_arrow(_strings(values.astype(str)), known) >= 0
        for row_id, value in zip(ids[~found], values[~found]):
            what = f"{column} item" if is_list else column
            report.add(table, "dangling-foreign-key", f"{what} {value!r} is not a {ref_table}.{ref_column}", row_id, column, value)


def check_spans(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every span lies inside its article and its text equals the article slice (G1).

    Vectorised: range checks in numpy, the text comparison in Arrow (see spantext.py); ids and
    values become Python objects only for failing rows.
    """
    articles = tables.get("articles")
    if articles is None:
        return
    texts = article_texts(tables)
    for name, df in tables.items():
        spec = TABLES_BY_NAME[name]
        if not spec.span_columns or "article_id" not in df:
            continue
        ids = _strings(_ids(df, name))
        article = article_numbers(tables, name)
        length = texts.lengths[np.maximum(article, 0)] if len(texts.lengths) else np.zeros(len(df), np.int64)
        for start_col, end_col, text_col in spec.span_columns:
            missing = [df[c].isna().to_numpy() for c in (start_col, end_col, text_col)]
            null_count = missing[0].astype(np.int8) + missing[1] + missing[2]
            for row in np.flatnonzero((null_count > 0) & (null_count < 3)).tolist():
                report.add(name, "span-partially-null", f"{start_col}/{end_col}/{text_col} must be all null or all set", ids[row].as_py(), start_col)
            full = (null_count == 0) & (article >= 0)  # unknown articles are dangling foreign keys
            s = df[start_col].to_numpy(dtype=np.int64, na_value=0)
            e = df[end_col].to_numpy(dtype=np.int64, na_value=0)
            after = full & (s > e)
            beyond = full & ~after & (e > length)
            negative = full & ~after & ~beyond & (s < 0)
            for row in np.flatnonzero(after).tolist():
                report.add(name, "span-start-after-end", f"{start_col} {s[row]} > {end_col} {e[row]}", ids[row].as_py(), start_col, int(s[row]))
            for row in np.flatnonzero(beyond).tolist():
                report.add(name, "span-out-of-range", f"{end_col} {e[row]} beyond article length {length[row]}", ids[row].as_py(), end_col, int(e[row]))
            for row in np.flatnonzero(negative).tolist():
                report.add(name, "span-out-of-range", f"{start_col} {s[row]} is negative", ids[row].as_py(), start_col, int(s[row]))
            rows = np.flatnonzero(full & ~(after | beyond | negative))
            span_strings = _strings(df[text_col])
            if len(rows) < len(df):  # usually every row: no copy of the span texts
                span_strings = span_strings.take(pa.array(rows))
            wrong = ~span_text_equal(texts, article[rows], s[rows], e[rows], span_strings)
            if not wrong.any():
                continue
            bad = rows[wrong]
            actual = texts.slices(article[bad], s[bad], e[bad]).to_pylist()
            for row_id, start, end, want, text in zip(ids.take(pa.array(bad)).to_pylist(), s[bad], e[bad], actual, span_strings.filter(pa.array(wrong)).to_pylist()):
                report.add(name, "span-text-mismatch", f"{text_col} differs from article text[{start}:{end}] = {want!r}", row_id, text_col, text)


def check_derived_ids(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Ids are derived from content (article, offsets, holder, target), never from row order.

    Expected ids are joined in Arrow; only differing rows become Python strings.
    """
    for name, expected_id in DERIVED_IDS.items():
        df = tables.get(name)
        if df is None or df.empty:
            continue
        expected = expected_id(df)
        ids = _strings(_ids(df, name))
        differs = pc.fill_null(pc.not_equal(ids, expected), True)
        for row_id, want in zip(ids.filter(differs).to_pylist(), expected.filter(differs).to_pylist()):
            report.add(name, "id-not-derived", f"id should be {want!r}", row_id, TABLES_BY_NAME[name].id_column, row_id)


def _text(df: pd.DataFrame, column: str, null: str | None = None) -> pa.Array:
    """A column as Arrow strings; integers print as Python prints them, a null integer as <NA>."""
    values = pa.array(df[column], from_pandas=True)
    if pa.types.is_integer(values.type):
        return pc.fill_null(values.cast(pa.large_string()), "<NA>")
    values = values.cast(pa.large_string())
    return pc.fill_null(values, null) if null is not None else values


def _joined(*parts) -> pa.Array:
    as_arrow = [pa.scalar(p, pa.large_string()) if isinstance(p, str) else p for p in parts]
    return pc.binary_join_element_wise(*as_arrow, pa.scalar("", pa.large_string()))


def _stance_holder_key(df: pd.DataFrame) -> pa.Array:
    """holder_id, else group-<holder_group>, else "article" (S3)."""
    group = pc.binary_join_element_wise(pa.scalar("group-", pa.large_string()), _text(df, "holder_group"), pa.scalar("", pa.large_string()))
    return pc.coalesce(_text(df, "holder_id"), group, pa.scalar("article", pa.large_string()))


def _span_id(code: str):
    return lambda df: _joined(_text(df, "article_id"), f":{code}:", _text(df, "start"), "-", _text(df, "end"))


DERIVED_IDS = {
    **{name: _span_id(code) for name, code in ID_CODES.items()},
    "stances": lambda df: _joined(_text(df, "article_id"), ":s:", _stance_holder_key(df), ":", _text(df, "target_id")),
    "quality_flags": lambda df: _joined(_text(df, "article_id"), ":f:", _text(df, "flag"), ":", _text(df, "start"), "-", _text(df, "end")),
}
"""Table -> function of its rows giving the id each row must have (an Arrow string array)."""


def check_quotes(tables: dict[str, pd.DataFrame], report: Report) -> None:
    quotes, mentions = tables.get("quotes"), tables.get("mentions")
    if quotes is None:
        return
    ids = quotes["quote_id"].astype(str)
    needs_mention = quotes["speaker_status"] == "attributed"
    needs_speaker = quotes["speaker_status"].isin(["attributed", "implicit"])
    rules = (
        (needs_speaker & quotes["speaker_id"].isna(), "speaker_id", "speaker_status requires a speaker_id"),
        (~needs_speaker & quotes["speaker_id"].notna(), "speaker_id", "speaker_status says there is no single speaker"),
        (needs_mention & quotes["speaker_mention_id"].isna(), "speaker_mention_id", "attributed quote needs its speaker mention"),
        (~needs_mention & quotes["speaker_mention_id"].notna(), "speaker_mention_id", "only attributed quotes have a speaker mention"),
    )
    for mask, column, message in rules:
        for row_id, value in zip(ids[mask], quotes[column][mask]):
            report.add("quotes", "speaker-status-inconsistent", message, row_id, column, value)
    if mentions is not None:
        # duplicate mention ids are reported by Pandera; the first one is used so this check still runs
        mention = key_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id")
        linked = mention >= 0
        rows = pa.array(mention[linked])
        quote_article = _strings(quotes["article_id"]).filter(pa.array(linked))
        # a null on either side never matches (as numpy's nan != nan); a null speaker reads "nan"
        speaker = pc.fill_null(_strings(quotes["speaker_id"]), "nan").filter(pa.array(linked))
        bad = pc.or_(
            pc.fill_null(pc.not_equal(_strings(mentions["article_id"]).take(rows), quote_article), True),
            pc.fill_null(pc.not_equal(_strings(mentions["entity_id"]).take(rows), speaker), True),
        ).to_numpy(zero_copy_only=False)
        for row_id, value in zip(quotes["quote_id"][linked][bad], quotes["speaker_mention_id"][linked][bad]):
            report.add("quotes", "speaker-mention-mismatch", "speaker mention must be a mention of the speaker in the same article", row_id, "speaker_mention_id", value)
    # the parent of a nested quote is the last row with that quote id (duplicates are Pandera's)
    key = ["quote_id", "parent_quote_id", "article_id", "start", "end"]
    ids = quotes["quote_id"]
    parent = _first_index(quotes["parent_quote_id"], ids.iloc[::-1])
    has_parent = parent >= 0
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


def _rows(df: pd.DataFrame, mask, columns: list[str]) -> pd.DataFrame:
    """df[mask][columns] without copying the other columns (span texts can be the whole corpus)."""
    return df[columns][np.asarray(mask, dtype=bool)]


def _first_index(values: pd.Series, keys: pd.Series) -> np.ndarray:
    """Position in `keys` of the first key equal to each value, -1 where none (or null): a hash
    lookup in Arrow instead of a pandas index (whose uniqueness test and join dominate at 10^6)."""
    return _first_index_arrow(_strings(values), _strings(keys))


def _first_index_arrow(values: pa.Array, keys: pa.Array) -> np.ndarray:
    """Arrow's index_in hashes its value set, which is slow for millions of keys: when there
    are more keys than values, hash only the keys that some value names (a cheap probe)."""
    if len(keys) > 2 * (len(values) - values.null_count):
        named = pc.fill_null(pc.is_in(keys, value_set=pc.unique(pc.drop_null(values))), False)
        positions = np.flatnonzero(named.to_numpy(zero_copy_only=False))
        found = _first_index_arrow(values, keys.filter(named))
        return np.where(found >= 0, positions[np.maximum(found, 0)] if len(positions) else -1, -1)
    found = pc.index_in(values, value_set=keys, skip_nulls=True)
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def check_quote_mark_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every mark pair and stray mark is exactly one quote row (Q2): a missing quote fails.

    One scan over all article bytes (markscan.py); matching marks to rows is a join, not a loop over rows.
    """
    articles, quotes = tables.get("articles"), tables.get("quotes")
    if articles is None or quotes is None:
        return
    known = _rows(quotes, article_numbers(tables, "quotes") >= 0, ["quote_id", "article_id", "kind", "start", "end"])
    marked = known[known["kind"].isin(["direct", "partial", "scare"])]
    orphans = known[known["kind"] == "orphan"]
    scan = scan_corpus_marks(article_texts(tables))
    article_ids = articles["article_id"].to_numpy()
    expected = pd.DataFrame({"number": scan.pair_article, "start": scan.pair_open + 1, "end": scan.pair_close})
    expected.insert(0, "article_id", article_ids[expected["number"].to_numpy()])
    key = ["article_id", "start", "end"]
    rows = marked[key].astype({"start": "int64", "end": "int64"})
    counts = rows.value_counts().rename("count").reset_index()
    covered = expected.merge(counts, on=key, how="left").fillna({"count": 0})
    bad = covered[covered["count"] != 1]
    excerpts = _excerpts(article_texts(tables), bad["number"], bad["start"], bad["end"])
    for article_id, start, end, count, excerpt in zip(bad["article_id"], bad["start"], bad["end"], bad["count"], excerpts):
        report.add("quotes", "quote-mark-coverage", f"quotation marks at {start - 1}..{end} are covered by {int(count)} quote rows, expected 1", article_id, "start", excerpt)
    unmarked = rows.merge(expected[key], on=key, how="left", indicator=True)["_merge"].to_numpy() == "left_only"
    for qid, start, end in zip(marked["quote_id"][unmarked], rows["start"][unmarked], rows["end"][unmarked]):
        report.add("quotes", "quote-without-marks", "direct/partial/scare quote must be exactly the text between a pair of quotation marks", qid, "start", (start, end))
    strays = pd.DataFrame({"number": scan.stray_article, "position": scan.stray_position, "opens": scan.stray_opens})
    _check_orphans(articles, article_texts(tables), orphans, strays, report)


def _check_orphans(articles: pd.DataFrame, texts: ArticleTexts, orphans: pd.DataFrame, strays: pd.DataFrame, report: Report) -> None:
    """Each unmatched mark is touched by exactly one orphan span, and each orphan touches one."""
    article_ids = articles["article_id"].to_numpy()
    strays = strays.astype({"number": "int64", "position": "int64", "opens": bool})
    strays.insert(0, "article_id", article_ids[strays["number"].to_numpy()])
    # an opening mark is touched by a span starting after it, a closing one by a span ending at it
    strays["touch"] = np.where(strays["opens"], strays["position"] + 1, strays["position"])
    spans = orphans[["article_id", "start", "end"]].astype({"start": "int64", "end": "int64"}).drop_duplicates()
    hits = pd.concat(
        [
            strays[strays["opens"]].merge(spans, left_on=["article_id", "touch"], right_on=["article_id", "start"]),
            strays[~strays["opens"]].merge(spans, left_on=["article_id", "touch"], right_on=["article_id", "end"]),
        ]
    )
    per_stray = hits.groupby(["article_id", "position"]).size()
    counts = per_stray.reindex(pd.MultiIndex.from_frame(strays[["article_id", "position"]]), fill_value=0).to_numpy()
    bad = strays[counts != 1]
    starts = np.maximum(0, bad["position"].to_numpy() - 20)
    excerpts = _excerpts(texts, bad["number"], starts, bad["position"].to_numpy() + 1)
    for article_id, position, count, excerpt in zip(bad["article_id"], bad["position"], counts[counts != 1], excerpts):
        report.add("quotes", "quote-mark-coverage", f"unmatched quotation mark at {position} is covered by {count} orphan rows, expected 1", article_id, "start", excerpt)
    claimed = hits[["article_id", "start", "end"]].drop_duplicates()
    rows = orphans[["article_id", "start", "end"]].astype({"start": "int64", "end": "int64"})
    unclaimed = rows.merge(claimed, how="left", indicator=True)["_merge"].to_numpy() == "left_only"
    for qid, start, end in zip(orphans["quote_id"][unclaimed], rows["start"][unclaimed], rows["end"][unclaimed]):
        report.add("quotes", "orphan-without-stray-mark", "orphan quote must touch an unmatched quotation mark", qid, "start", (start, end))


def _excerpts(texts: ArticleTexts, numbers, starts, ends) -> list[str]:
    """article[start:end] for a few failing rows, clipped to the article."""
    if len(numbers) == 0:
        return []
    numbers = np.asarray(numbers, dtype=np.int64)
    lengths = texts.lengths[numbers]
    starts = np.clip(np.asarray(starts, dtype=np.int64), 0, lengths)
    ends = np.clip(np.asarray(ends, dtype=np.int64), starts, lengths)
    return texts.slices(numbers, starts, ends).to_pylist()


def check_alias_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every whole-word alias occurrence is inside a mention or an exclusion (M2, M5).

    Fast path: every occurrence of every alias in one compiled scan of the article bytes
    (aliasscan.py), then a vectorised "inside a merged covering interval" test. An article with
    any uncovered occurrence is re-checked alias by alias, so the findings are those of the
    plain check.
    """
    articles, entities, mentions = (tables.get(n) for n in ("articles", "entities", "mentions"))
    if articles is None or entities is None or mentions is None:
        return
    covering_tables = [n for n in ("mentions", "mention_exclusions") if n in tables]
    # M2 is an annotator's completeness promise; an extractor's (source "auto") entities make none
    gold = entities[entities["source"] != "auto"] if "source" in entities else entities
    pairs = [(e, a) for e, aliases in zip(gold["entity_id"], gold["aliases"]) for a in aliases or []]
    texts = article_texts(tables)
    # an alias's space matches any space separator (M6): the scan also looks for every spelling
    # with the separators this corpus holds; if an alias has too many, its articles go the exact way
    spellings, too_many = spelled_aliases([a for _, a in pairs], texts, tables)
    numbers, _, starts, ends = alias_scan(tables, spellings)
    base = texts.cp_starts
    inside = _inside_intervals(base[numbers] + starts, base[numbers] + ends, *_global_intervals(tables, covering_tables, texts))
    spaced = articles_with_unicode_spaces(texts) if too_many else np.zeros(0, np.int64)
    suspects = np.union1d(np.unique(numbers[~inside]), spaced).astype(np.int64).tolist()
    if not suspects:
        return
    covering = pd.concat([tables[n][["article_id", "start", "end"]] for n in covering_tables])
    article_ids = articles["article_id"].to_numpy()
    for number in suspects:
        text = texts.slices(np.array([number]), np.array([0]), texts.lengths[[number]]).to_pylist()[0]
        _report_uncovered_aliases(article_ids[number], text, pairs, covering, report)


def article_numbers(tables: dict[str, pd.DataFrame], name: str) -> np.ndarray:
    """Row in `articles` of each row's article id (shared by the checks of one run)."""
    return _shared(tables, ("article", name), lambda: _article_numbers(tables["articles"], tables[name]["article_id"]))


def _global_intervals(tables, names: list[str], texts: ArticleTexts) -> tuple[np.ndarray, np.ndarray]:
    """The spans of tables `names` (at least one) in one coordinate system (article base +
    offset), merged where they touch."""
    number = np.concatenate([article_numbers(tables, n) for n in names])
    start, end = (np.concatenate([tables[n][c].to_numpy(dtype=np.int64, na_value=-1) for n in names]) for c in ("start", "end"))
    known = np.concatenate([(tables[n]["start"].notna() & tables[n]["end"].notna()).to_numpy() for n in names])
    keep = (number >= 0) & known
    number = number[keep]
    n = texts.lengths[number]
    start = np.clip(start[keep], 0, n)
    end = np.clip(end[keep], 0, n)
    nonempty = end > start
    base = texts.cp_starts[number][nonempty]
    start, end = base + start[nonempty], base + end[nonempty]
    order = np.argsort(start, kind="stable")
    start, end = start[order], end[order]
    if len(start) == 0:
        return start, end
    reach = np.maximum.accumulate(end)
    new_block = np.concatenate([[True], start[1:] > reach[:-1]])
    block_end = np.concatenate([np.flatnonzero(new_block)[1:] - 1, [len(start) - 1]])
    return start[new_block], reach[block_end]


def _inside_intervals(starts, ends, merged_starts, merged_ends) -> np.ndarray:
    """True where [start, end) lies inside one merged interval (empty ranges always do)."""
    block = np.searchsorted(merged_starts, starts, side="right") - 1
    safe = np.maximum(block, 0)
    found = (block >= 0) & (merged_ends[safe] >= ends) if len(merged_starts) else np.zeros(len(starts), bool)
    return found | (ends <= starts)


def _report_uncovered_aliases(article_id, text, pairs, covering, report) -> None:
    """The exact per-alias check for one article (the slow path, only where something failed)."""
    own = covering[covering["article_id"] == article_id]
    covered = _coverage_mask(len(text), zip(own["start"].fillna(0).astype(int), own["end"].fillna(0).astype(int)))
    for entity_id, alias in pairs:
        for match in alias_pattern(alias).finditer(text):
            if not all(covered[match.start():match.end()]):
                report.add("mentions", "alias-not-covered", f"alias {alias!r} of {entity_id} at {match.start()}-{match.end()} is neither a mention nor an exclusion", article_id, "text", alias)


SPACE_SEPARATORS = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs")
"""Every Unicode space separator (category Zs): U+0020, U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000."""
_ANY_SPACE = "[" + re.escape(SPACE_SEPARATORS) + "]"


def alias_pattern(alias: str) -> re.Pattern:
    """Whole-word occurrences of `alias`; each space in it matches any space separator (M6)."""
    return re.compile(r"(?<!\w)" + _ANY_SPACE.join(re.escape(part) for part in alias.split(" ")) + r"(?!\w)")


def alias_scan(tables: dict[str, pd.DataFrame], spellings: list[str]):
    """(article number, index into sorted(set(spellings)), start, end) of every whole-word
    occurrence; one scan per validate run for the checks that ask for the same spellings."""
    distinct = tuple(sorted({s for s in spellings if s}))
    return _shared(tables, ("alias-scan", distinct), lambda: alias_occurrences_by_alias(article_texts(tables), list(distinct)))


def corpus_separators(tables: dict[str, pd.DataFrame], texts: ArticleTexts) -> list[str]:
    """The non-ASCII space separators that occur in the articles (computed once per run)."""
    return _shared(tables, ("separators",), lambda: separators_present(texts, SPACE_SEPARATORS))


def spelled_aliases(aliases: list[str], texts: ArticleTexts, tables: dict[str, pd.DataFrame] | None = None) -> tuple[list[str], bool]:
    """Every alias plus its spellings with the corpus's non-ASCII space separators, and whether
    some alias had too many spellings to list (M6)."""
    if not any(" " in a for a in aliases):
        present = []
    else:
        present = corpus_separators(tables, texts) if tables is not None else separators_present(texts, SPACE_SEPARATORS)
    out, too_many = [], False
    for alias in aliases:
        variants = spaced_variants(alias, present) if present and " " in alias else [alias]
        if variants is None:
            too_many, variants = True, [alias]
        out.extend(variants)
    return out, too_many


def articles_with_unicode_spaces(texts: ArticleTexts) -> np.ndarray:
    """Numbers of the articles whose text holds a space separator other than U+0020."""
    data = texts.data()
    if len(data) == 0:
        return np.zeros(0, np.int64)
    automaton = ahocorasick_rs.BytesAhoCorasick([c.encode() for c in SPACE_SEPARATORS if c != " "])
    hits = automaton.find_matches_as_indexes(data, overlapping=True)
    starts = np.fromiter((h[1] for h in hits), dtype=np.int64, count=len(hits))
    starts = starts[(starts >= texts.byte_starts[0]) & (starts < texts.byte_starts[-1])]
    return np.unique(texts.article_of(starts)) if len(starts) else np.zeros(0, np.int64)


def _coverage_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[max(0, start):max(0, min(end, length))] = b"\x01" * max(0, min(end, length) - max(0, start))
    return mask


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


def check_claims(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Consistency labels agree with the contradiction links and the clusters (C7, C8)."""
    claims = tables.get("claims")
    if claims is None:
        return
    links = claims["contradicted_by"]  # lists of claim ids, or None
    contradicted = (claims["consistency"] == "contradicted").to_numpy()
    has_links = (links.str.len().fillna(0) > 0).to_numpy()
    for cid, value in zip(claims["claim_id"][contradicted != has_links], links[contradicted != has_links]):
        report.add("claims", "consistency-link-mismatch", "contradicted claims, and only they, list contradicted_by", cid, "contradicted_by", list(value) if value is not None else [])
    pairs = claims[["claim_id", "article_id", "cluster_id"]].assign(other=links).explode("other").dropna(subset=["other"])
    target = claims[["claim_id", "article_id", "cluster_id"]].drop_duplicates("claim_id", keep="last")
    linked = pairs.merge(target, left_on="other", right_on="claim_id", suffixes=("", "_other"))
    bad = linked[(linked["article_id_other"] == linked["article_id"]) | (linked["cluster_id_other"] != linked["cluster_id"])]
    for cid, other in zip(bad["claim_id"], bad["other"]):
        report.add("claims", "contradiction-not-cross-article", "contradicted_by must name a claim of the same cluster in another article", cid, "contradicted_by", other)
    shared = claims.groupby("cluster_id")["article_id"].nunique().reindex(claims["cluster_id"].to_numpy()).to_numpy() > 1
    lonely_claim = (claims["consistency"] == "uncorroborated").to_numpy() & shared
    lonely = _rows(claims, lonely_claim, ["claim_id", "cluster_id", "article_id", "consistency"])
    in_cluster = _rows(claims, _isin(claims["cluster_id"], lonely["cluster_id"]), ["cluster_id", "article_id"]).groupby("cluster_id")["article_id"].agg(set)
    for cid, cluster, article_id, consistency in zip(*(lonely[c] for c in ("claim_id", "cluster_id", "article_id", "consistency"))):
        others = sorted(in_cluster[cluster] - {article_id})
        report.add("claims", "consistency-cluster-mismatch", f"cluster {cluster} also occurs in {others}", cid, "consistency", consistency)
    alone = (claims["consistency"] == "corroborated").to_numpy() & ~shared
    for cid, cluster, consistency in zip(claims["claim_id"][alone], claims["cluster_id"][alone], claims["consistency"][alone]):
        report.add("claims", "consistency-cluster-mismatch", f"no other article states cluster {cluster}", cid, "consistency", consistency)


def check_claim_clusters(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Cluster counts are what the claims say, and each claim names a variant of its cluster (C7, C9).

    Grouped counts compared as arrays, variants by a join; Python only visits failing rows.
    """
    claims, clusters = tables.get("claims"), tables.get("claim_clusters")
    if claims is None or clusters is None:
        return
    members = claims.groupby("cluster_id")
    derived = pd.DataFrame({
        "n_claims": members.size(),
        "n_articles": members["article_id"].nunique(),
        "contradicted": (claims["consistency"] == "contradicted").groupby(claims["cluster_id"]).any(),
    })
    # a cluster no claim uses should say 0 claims, 0 articles, not contradicted
    want = derived.reindex(clusters["cluster_id"].to_numpy())
    used = want["n_claims"].notna().to_numpy()
    expected = {
        "n_claims": want["n_claims"].fillna(0).to_numpy(dtype=np.int64),
        "n_articles": want["n_articles"].fillna(0).to_numpy(dtype=np.int64),
        "contradicted": np.where(used, want["contradicted"].to_numpy(dtype=object), False),
    }
    wrong = {
        column: clusters[column].isna().to_numpy()
        | np.asarray(clusters[column].to_numpy(dtype=object, na_value=None) != expected[column], dtype=bool)
        for column in expected
    }
    cluster_ids = clusters["cluster_id"].to_numpy(dtype=object)
    for row in np.flatnonzero(np.logical_or.reduce(list(wrong.values()))):
        for column in expected:
            if wrong[column][row]:
                report.add("claim_clusters", "cluster-counts-mismatch", f"the claims give {expected[column][row]}", cluster_ids[row], column, clusters[column].iloc[row])
    _check_variants(claims, clusters, report)


def _check_variants(claims: pd.DataFrame, clusters: pd.DataFrame, report: Report) -> None:
    """A claim of a cluster with variants names one of them; of a cluster without, names none."""
    last = clusters.drop_duplicates("cluster_id", keep="last")
    cluster_ids = last["cluster_id"].to_numpy(dtype=object)
    n_variants = pd.Series(last["variant_ids"].map(lambda v: len(v) if v is not None else 0).to_numpy(), index=cluster_ids)
    with_variants = last[n_variants.to_numpy() > 0]
    allowed = pd.DataFrame({
        "cluster_id": with_variants["cluster_id"].to_numpy(dtype=object),
        "variant_id": with_variants["variant_ids"].to_numpy(),
    }).explode("variant_id").drop_duplicates()
    rows = pd.DataFrame({
        "cluster_id": claims["cluster_id"].to_numpy(dtype=object),
        "variant_id": claims["variant_id"].to_numpy(dtype=object, na_value=None),
    })
    named = rows.merge(allowed, how="left", on=["cluster_id", "variant_id"], indicator=True)["_merge"].to_numpy() == "both"
    known = _isin(claims["cluster_id"], cluster_ids)
    has = n_variants.reindex(rows["cluster_id"]).fillna(0).to_numpy() > 0
    bad = known & np.where(has, ~named, rows["variant_id"].notna().to_numpy())
    if not bad.any():
        return
    variants = dict(zip(clusters["cluster_id"], clusters["variant_ids"]))
    for cid, cluster, variant in zip(claims["claim_id"][bad], rows["cluster_id"][bad], rows["variant_id"][bad]):
        value = None if pd.isna(variant) else variant
        report.add("claims", "variant-not-in-cluster", f"cluster {cluster} has variants {list(variants[cluster] or [])}", cid, "variant_id", value)


def check_stances(tables: dict[str, pd.DataFrame], report: Report) -> None:
    stances = tables.get("stances")
    if stances is None:
        return
    voice = stances["holder_kind"] == "article"
    bad = voice != stances["fnc_label"].notna()
    for row_id, value in zip(stances["stance_id"][bad], stances["fnc_label"][bad]):
        report.add("stances", "fnc-label-placement", "fnc_label is set exactly on article-voice rows", row_id, "fnc_label", value)
    kind, has_holder, has_group = stances["holder_kind"], stances["holder_id"].notna(), stances["holder_group"].notna()
    wrong = ((kind == "entity") != has_holder) | ((kind == "group") != has_group)
    for row_id, value in zip(stances["stance_id"][wrong], kind[wrong]):
        report.add("stances", "holder-kind-inconsistent", "entity rows have holder_id only, group rows holder_group only, article rows neither (S3)", row_id, "holder_kind", value)


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
            want = round(lengths.get(article_id, 0) / articles["n_chars"].iloc[row], 6)
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


BOILERPLATE_KINDS = ("navigation", "prompt", "advertisement")
MAJOR_FLAGS = ("spun_text", "fabricated_content", "hypothetical_content")
FACTUAL_SLIPS = ("factual_error", "misquotation")
"""Flags whose rows are counted together by AQ2 (a misquotation counts as a factual error)."""
assert set(MAJOR_FLAGS) <= set(QUALITY_FLAGS) and set(FACTUAL_SLIPS) <= set(QUALITY_FLAGS)


def quality_label_for(flags: list[str], factual_errors: int) -> str:
    """Guideline AQ2, the one implementation the builder and the check share."""
    if not flags:
        return "clean"
    if any(f in MAJOR_FLAGS for f in flags) or factual_errors >= 2:
        return "major_issues"
    return "minor_issues"


def check_provenance(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Gold rows carry no confidence; every auto row carries one (the extractor's score)."""
    for name, df in tables.items():
        bad = (df["source"] == "gold") == df["confidence"].notna()
        for row_id, source, confidence in zip(_ids(df, name)[bad], df["source"][bad], df["confidence"][bad]):
            report.add(name, "confidence-provenance-mismatch", f"{source} rows must {'not ' if source == 'gold' else ''}have a confidence", row_id, "confidence", confidence)


CROSS_CHECKS = (
    check_provenance,
    check_foreign_keys,
    check_spans,
    check_derived_ids,
    check_quotes,
    check_quote_mark_coverage,
    check_alias_coverage,
    check_segments_partition,
    check_claims,
    check_claim_clusters,
    check_stances,
    check_article_quality,
    check_boilerplate_evidence,
)

LONGEST_FIRST = (
    check_alias_coverage,
    check_spans,
    check_quote_mark_coverage,
    *(c for c in CROSS_CHECKS if c not in (check_alias_coverage, check_spans, check_quote_mark_coverage)),
)
"""CROSS_CHECKS in the order to start them on parallel workers (measured at 10^6 quotes)."""
