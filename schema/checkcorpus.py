"""The validation `Corpus` and what several cross-table checks share: indexes computed once per
validate run (article texts, key positions, article numbers) and Arrow helpers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.blockedkeys import first_index_by_blocks, in_order
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.span_pairs import related, related_pairs, related_pick
from landstrikes.schema.spantext import ArticleTexts
from landstrikes.schema.tableio import to_pandas

if TYPE_CHECKING:
    import pandas as pd


class Corpus(dict):
    """The tables of one validate run, by name. What several checks need (the indexed article
    texts, key lookups) is computed once, by whichever check asks first; checks run in threads.

    `arrow` holds the tables as read (after the Arrow-level repairs). A run made by `from_arrow`
    holds no pandas frame at all: each value is a `LazyFrame` that becomes a DataFrame only when
    a check reads it as one (a check wording its findings, or one not yet moved to Arrow), so
    validate of sound tables need not import pandas. Tests may still pass frames directly."""

    def __init__(self, *args, arrow: dict[str, pa.Table] | None = None, distinct: frozenset = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.arrow = arrow or {}
        self.distinct = distinct
        """(table, column) of each column proven to hold no null and no value twice (the gate's
        uniqueness rule held on it), so a lookup among its values may stop at the first equal one."""
        self._lock = threading.Lock()
        self._memo: dict[tuple, _Once] = {}
        self._names: dict[str, tuple[pa.Table, frozenset]] = {}
        self.frames_read: set[tuple[str, str]] = set()
        """(table, check) for every check that read a table as a DataFrame (which made it once)."""

    @classmethod
    def from_arrow(cls, tables: dict[str, pa.Table], distinct: frozenset = frozenset()) -> Corpus:
        corpus = cls(arrow=dict(tables), distinct=distinct)
        for name in tables:
            dict.__setitem__(corpus, name, LazyFrame(corpus, name))
        return corpus

    def once(self, key: tuple, compute):
        with self._lock:
            entry = self._memo.setdefault(key, _Once())
        return entry.get(compute)

    def has_column(self, name: str, column) -> bool:
        """`column in` table `name`'s Arrow column names, from a set made once per table object
        (`Table.column_names` builds a new list on every call, and the checks ask ~600 times a run)."""
        table = self.arrow[name]
        kept = self._names.get(name)
        if kept is None or kept[0] is not table:
            kept = self._names[name] = (table, frozenset(table.column_names))
        try:
            return column in kept[1]
        except TypeError:  # an unhashable key: never a column name, as the list's `in` says
            return column in table.column_names

    def frame(self, name: str):
        """Table `name` as the DataFrame `to_pandas` gives (made once, on first use)."""
        self.frames_read.add((name, getattr(_current, "check", "")))

        def convert():
            return to_pandas(self.arrow[name], ARROW_LISTS.get(name, frozenset()))
        return self.once(("frame", name), convert)


ARROW_LISTS = {"quotes": frozenset({"speaker_ids"})}
"""List columns that every check reads as Arrow (`arrow_column`), so the frames the checks get
hold them as zero-copy Arrow columns, not a Python list per row (the one costly part of
`to_pandas` at 10^5-10^6 quotes). A check that wants Python lists of a column named here must
take `arrow_column(...).to_pylist()`."""

_current = threading.local()
"""The check running on this thread (`running_check`): named in `Corpus.frames_read`."""


class running_check:
    """`with running_check(name):` charges the frames made meanwhile on this thread to `name`."""

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        self.before, _current.check = getattr(_current, "check", ""), self.name

    def __exit__(self, *exc):
        _current.check = self.before


class LazyFrame:
    """A table of an Arrow-backed `Corpus` standing in for its DataFrame: its row count, column
    names and emptiness come from Arrow; anything else makes the frame (once) and asks it.
    The adapter that keeps checks written on pandas working unchanged."""

    def __init__(self, corpus: Corpus, name: str):
        self._corpus, self._name = corpus, name

    @property
    def arrow(self) -> pa.Table:
        return self._corpus.arrow[self._name]

    def frame(self):
        return self._corpus.frame(self._name)

    def __len__(self) -> int:
        return self.arrow.num_rows

    def __contains__(self, column) -> bool:
        return self._corpus.has_column(self._name, column)

    def __iter__(self):
        return iter(self.arrow.column_names)

    @property
    def empty(self) -> bool:
        return self.arrow.num_rows == 0 or self.arrow.num_columns == 0

    def __getitem__(self, key):
        return self.frame()[key]

    def __getattr__(self, attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(self.frame(), attribute)


def frame_of(df):
    """The DataFrame behind a `LazyFrame` (made now), or `df` itself."""
    return df.frame() if isinstance(df, LazyFrame) else df


def arrow_table(tables, name: str) -> pa.Table | None:
    """Table `name` as Arrow when the run holds it so (a validate `Corpus`), else None (frames
    given directly: the check runs its pandas definition)."""
    value = tables.get(name) if isinstance(tables, Corpus) else None
    return value.arrow if isinstance(value, LazyFrame) else None


def column(table: pa.Table, name: str) -> pa.Array:
    """One column of an Arrow table as one array (not chunked)."""
    return one_array(table.column(name))


def one_array(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The values as one array: a one-chunk column's own chunk, zero-copy (`combine_chunks`
    copies even a single chunk, and the checks ask for columns hundreds of times per run)."""
    if not isinstance(values, pa.ChunkedArray):
        return values
    return values.chunk(0) if values.num_chunks == 1 else values.combine_chunks()


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


def arrow_column(tables: dict[str, pd.DataFrame], table: str, column: str, arrow_type: pa.DataType) -> pa.Array:
    """One column as an Arrow array of `arrow_type`: straight from the table as read when the
    run kept it (a Corpus from `validate`), else converted from the DataFrame (the same values:
    the frame is `to_pandas` of that table)."""
    kept = tables.arrow.get(table) if isinstance(tables, Corpus) else None
    if kept is not None and tables.has_column(table, column):
        values = one_array(kept.column(column))
        return values if values.type == arrow_type else values.cast(arrow_type)
    return pa.array(tables[table][column], from_pandas=True, type=arrow_type)


def key_positions(tables: dict[str, pd.DataFrame], table: str, column: str, ref_table: str, ref_column: str) -> np.ndarray:
    """Row in `ref_table` of the first `ref_column` equal to each `table.column`, -1 if none or null."""
    def positions():
        values, keys = strings_of(tables, table, column), strings_of(tables, ref_table, ref_column)
        if _by_article_blocks(tables, table, ref_table, ref_column):
            return first_index_by_blocks(values, article_numbers(tables, table), keys, article_numbers(tables, ref_table), _first_index_arrow)
        return _first_index_arrow(values, keys)

    return _shared(tables, ("key", table, column, ref_table, ref_column), positions)


def same_article_positions(tables, table: str, column: str, ref_table: str, ref_column: str, last: bool = False) -> np.ndarray:
    """Row in `ref_table` of the first (`last`: the last) `ref_column` equal to each `table.column`
    whose `article_id` is that row's own (both given), -1 if none: a reference from a row of one
    article to a row of an article-keyed table (a quote's speaker mention, its parent quote) is
    read within its article, as `validate --engine`'s tasks, which hold whole articles, read it.
    A reference naming only other articles' rows is `cross_article_refs`' finding, found on whole
    tables (attack31: a quote whose parent was another partition's quote was VALID under --engine).
    The usual case costs one lookup: where the key's first (or last) row is of the same article."""
    def positions():
        values, keys = strings_of(tables, table, column), strings_of(tables, ref_table, ref_column)
        if last:
            n = len(keys)
            found = _first_index_arrow(values, keys.take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64))))
            found = np.where(found >= 0, n - 1 - found, -1)
        else:
            found = key_positions(tables, table, column, ref_table, ref_column)
        own, ref = strings_of(tables, table, "article_id"), strings_of(tables, ref_table, "article_id")
        linked = np.flatnonzero(found >= 0)
        same = np.zeros(len(found), dtype=bool)
        same[linked] = pc.fill_null(pc.equal(ref.take(pa.array(found[linked])), own.take(pa.array(linked))), False) \
            .to_numpy(zero_copy_only=False)
        other = np.flatnonzero((found >= 0) & ~same)
        result = np.where(same, found, -1)
        if len(other):  # a key another article's row holds first: look among its own article's rows
            result[other] = _own_article_positions(values.take(pa.array(other)), own.take(pa.array(other)), keys, ref, last)
        return result

    return _shared(tables, ("same-article-key", table, column, ref_table, ref_column, last), positions)


def _own_article_positions(values: pa.Array, articles: pa.Array, keys: pa.Array, key_articles: pa.Array, last: bool) -> np.ndarray:
    """The first (last) row of `keys` equal to each value whose article equals the value's (both given), -1 if none."""
    joined = [pc.binary_join_element_wise(a.cast(pa.large_string()), v.cast(pa.large_string()), pa.scalar("\x00", pa.large_string()))
              for a, v in ((articles, values), (key_articles, keys))]
    if not last:
        return _first_index_arrow(joined[0], joined[1])
    n = len(joined[1])
    found = _first_index_arrow(joined[0], joined[1].take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64))))
    return np.where(found >= 0, n - 1 - found, -1)


def _by_article_blocks(tables, table: str, ref_table: str, ref_column: str) -> bool:
    """Both tables come article by article in one order and the keys are proven distinct: the
    lookup may go block by block of articles (blockedkeys.py). Never for articles themselves
    (the article numbers are that lookup)."""
    if not isinstance(tables, Corpus) or (ref_table, ref_column) not in tables.distinct or "articles" in (table, ref_table) \
            or "articles" not in tables:
        return False
    if any(arrow_table(tables, name) is None or "article_id" not in arrow_table(tables, name).column_names for name in (table, ref_table)):
        return False
    return in_order(article_numbers(tables, table)) and in_order(article_numbers(tables, ref_table))


def strings_of(tables: dict[str, pd.DataFrame], table: str, name: str) -> pa.Array:
    """A string column as one Arrow large_string array: from the table as read when the run holds
    it (no pandas), else from the frame (`_strings`); the same values either way."""
    kept = arrow_table(tables, table)
    if kept is None:
        return _strings(tables[table][name])
    return _shared(tables, ("strings", table, name), lambda: large_strings(column(kept, name)))


def large_strings(values: pa.Array) -> pa.Array:
    """A string array as large_string (the cast shares the text buffer: only the offsets widen)."""
    return values if values.type == pa.large_string() else values.cast(pa.large_string())


def article_texts(tables: dict[str, pd.DataFrame]) -> ArticleTexts:
    """The articles' UTF-8 text with code point arithmetic (cached on a `Corpus`)."""
    return _shared(tables, ("texts",), lambda: ArticleTexts(strings_of(tables, "articles", "text")))


def article_text(tables, number: int) -> str | None:
    """Article number `number`'s text as a Python string, None where it is null (Pandera's
    finding: a check judging rows on the text skips that article's rows rather than crash on it
    and judge no row at all, session 28)."""
    kept = tables.arrow.get("articles") if isinstance(tables, Corpus) else None
    if kept is not None and "text" in kept.column_names:
        return column(kept, "text")[number].as_py()
    text = tables["articles"]["text"].iloc[number]
    return text if isinstance(text, str) else None


def _ids(df: pd.DataFrame, table: str) -> pd.Series:
    return df[TABLES_BY_NAME[table].id_column].astype(str)


def _strings(series: pd.Series) -> pa.Array:
    """A string column as an Arrow array (zero-copy for pandas' Arrow-backed strings)."""
    return pa.array(series, from_pandas=True).cast(pa.large_string())


def _isin(series: pd.Series, values) -> np.ndarray:
    """Series.isin via Arrow: pandas' Arrow-string isin loops over `values` in Python."""
    import pandas as pd

    value_set = _strings(pd.Series(values, dtype=object).dropna().astype(str))
    found = pc.is_in(_strings(series.astype(str)), value_set=value_set)
    return (pc.fill_null(found, False).to_numpy(zero_copy_only=False)) & series.notna().to_numpy()


def _article_numbers(articles: pd.DataFrame, article_ids: pd.Series) -> np.ndarray:
    """Row number in `articles` of each article id (the last row on duplicates), -1 if unknown."""
    return article_rows(_strings(articles["article_id"]), _strings(article_ids))


def article_rows(article_ids: pa.Array, values: pa.Array) -> np.ndarray:
    """`_article_numbers` on Arrow: the last row of `article_ids` equal to each value, -1 if none."""
    n = len(article_ids)
    reversed_ids = article_ids.take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64)))
    found = _first_index_arrow(values, reversed_ids)
    return np.where(found >= 0, n - 1 - found, -1)


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
        if len(positions) < len(keys):  # (every key named, e.g. one id many times: no smaller probe)
            found = _first_index_arrow(values, keys.filter(named))
            return np.where(found >= 0, positions[np.maximum(found, 0)] if len(positions) else -1, -1)
    found = pc.index_in(values, value_set=keys, skip_nulls=True)
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def _excerpts(texts: ArticleTexts, numbers, starts, ends) -> list[str]:
    """article[start:end] for a few failing rows, clipped to the article."""
    if len(numbers) == 0:
        return []
    numbers = np.asarray(numbers, dtype=np.int64)
    lengths = texts.lengths[numbers]
    starts = np.clip(np.asarray(starts, dtype=np.int64), 0, lengths)
    ends = np.clip(np.asarray(ends, dtype=np.int64), starts, lengths)
    return texts.slices(numbers, starts, ends).to_pylist()


def article_numbers(tables: dict[str, pd.DataFrame], name: str) -> np.ndarray:
    """Row in `articles` of each row's article id (shared by the checks of one run).

    With every article id once (the usual case) the last row of an id is its first, which the
    foreign-key check has already looked up: one hash lookup of each article_id column, not two."""
    def numbers():
        if name != "articles" and _shared(tables, ("articles-unique",), lambda: _distinct_ids(strings_of(tables, "articles", "article_id"))):
            return key_positions(tables, name, "article_id", "articles", "article_id")
        return article_rows(strings_of(tables, "articles", "article_id"), strings_of(tables, name, "article_id"))

    return _shared(tables, ("article", name), numbers)


def _distinct_ids(values: pa.Array) -> bool:
    """No null and no id twice."""
    return values.null_count == 0 and pc.count_distinct(values).as_py() == len(values)


def nulls(tables: dict[str, pd.DataFrame], table: str, name: str) -> np.ndarray:
    """`df[name].isna()` as numpy bools: on Arrow a null, or a NaN (pandas shows NaN as missing)."""
    kept = arrow_table(tables, table)
    if kept is None:
        return tables[table][name].isna().to_numpy()
    values = column(kept, name)
    missing = values.is_null()
    if pa.types.is_floating(values.type):
        missing = pc.or_(missing, pc.fill_null(pc.is_nan(values), False))
    return missing.to_numpy(zero_copy_only=False)


def ints(tables: dict[str, pd.DataFrame], table: str, name: str, na_value: int = 0) -> np.ndarray:
    """`df[name].to_numpy(dtype=np.int64, na_value=na_value)` of an integer column."""
    kept = arrow_table(tables, table)
    if kept is None:
        return tables[table][name].to_numpy(dtype=np.int64, na_value=na_value)
    values = column(kept, name)
    values = pc.fill_null(values, na_value) if values.null_count else values
    return values.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


class _PandasOnDemand:
    """`pandas`, imported on first use: the modules of checks that word findings (or still
    decide some rows) with pandas import this as `pd`, so importing them costs no pandas."""

    def __getattr__(self, name: str):
        import pandas

        return getattr(pandas, name)


pandas_on_demand = _PandasOnDemand()


def frame_strings(df, name: str) -> pa.Array:
    """`_strings(df[name])` as one array, straight from Arrow when `df` is a `LazyFrame`."""
    if isinstance(df, LazyFrame):
        return strings_of(df._corpus, df._name, name)
    return one_array(_strings(df[name]))


def frame_nulls(df, name: str) -> np.ndarray:
    """`df[name].isna().to_numpy()`, from Arrow when `df` is a `LazyFrame` (NaN counts as missing);
    then made once per run and read-only (201 asks of 63 columns at 10^5 quote rows)."""
    if not isinstance(df, LazyFrame):
        return df[name].isna().to_numpy()

    def missing_values() -> np.ndarray:
        values = column(df.arrow, name)
        missing = values.is_null()
        if pa.types.is_floating(values.type):
            missing = pc.or_(missing, pc.fill_null(pc.is_nan(values), False))
        return _read_only(missing.to_numpy(zero_copy_only=False))

    return _shared(df._corpus, ("nulls", df._name, name), missing_values)


def _read_only(values: np.ndarray) -> np.ndarray:
    """`values`, refusing writes: an array shared by the checks of a run is nobody's to change."""
    values.flags.writeable = False
    return values


def known_rows(frame, columns: tuple[str, ...] = ("article_id", "start", "end")) -> np.ndarray:
    """Rows where every one of `columns` is given: a rule leaves a row with a null key or offset
    out, since the null is another check's finding."""
    return ~np.logical_or.reduce([frame_nulls(frame, c) for c in columns])


def frame_ints(df, name: str, na_value: int = 0) -> np.ndarray:
    """`df[name].to_numpy(dtype=np.int64, na_value=na_value)`, from Arrow when `df` is a `LazyFrame`."""
    if not isinstance(df, LazyFrame):
        return df[name].to_numpy(dtype=np.int64, na_value=na_value)
    values = column(df.arrow, name)
    values = pc.fill_null(values, na_value) if values.null_count else values
    return values.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


def shared_codes(*arrays: pa.Array) -> list[np.ndarray]:
    """Integer codes of string arrays over one dictionary: equal codes exactly where the values are
    equal, across the arrays; -1 for a null."""
    joined = pa.concat_arrays([a.cast(pa.large_string()) for a in arrays])
    codes = pc.fill_null(pc.dictionary_encode(joined).indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    bounds = np.cumsum([0] + [len(a) for a in arrays])
    return [codes[bounds[i]:bounds[i + 1]] for i in range(len(arrays))]


def article_codes(*parts: tuple) -> list[np.ndarray]:
    """`shared_codes` of the article ids of each (frame, rows) part (rows None: every row): the
    same codes, made from the run's shared article numbers instead of hashing the id strings
    again (one dictionary_encode per call, 39 calls a run, was some 0.1 CPU-s at 10^5 quote rows).

    A row's article number is the row in `articles` of its article id (`article_numbers`): equal
    ids get equal numbers and unequal ids unequal ones, so numbers that are all known (>= 0: no
    null, no unknown id) group the rows exactly as the strings do, and their ranks by first
    appearance are dictionary_encode's codes. Anything else (a null, an unknown id, frames that
    are not a run's) takes `shared_codes` itself."""
    numbers = _article_numbers_of(parts)
    if numbers is None:
        return shared_codes(*(_taken(frame_strings(frame, "article_id"), rows) for frame, rows in parts))
    codes = first_appearance_codes(np.concatenate(numbers) if numbers else np.zeros(0, np.int64),
                                   len(arrow_table(parts[0][0]._corpus, "articles")))
    bounds = np.cumsum([0] + [len(n) for n in numbers])
    return [codes[bounds[i]:bounds[i + 1]] for i in range(len(numbers))]


def _article_numbers_of(parts) -> list[np.ndarray] | None:
    """Each part's rows' article numbers, or None unless every part is a table of one run that
    holds the articles and every number is known."""
    if not parts or not all(isinstance(frame, LazyFrame) for frame, _ in parts):
        return None
    corpus = parts[0][0]._corpus
    if any(frame._corpus is not corpus for frame, _ in parts) or arrow_table(corpus, "articles") is None \
            or "article_id" not in arrow_table(corpus, "articles").column_names \
            or not all("article_id" in frame for frame, _ in parts):
        return None
    numbers = [article_numbers(corpus, frame._name) for frame, _ in parts]
    numbers = [n if rows is None else n[rows] for n, (_, rows) in zip(numbers, parts)]
    if any(len(n) and n.min() < 0 for n in numbers):
        return None
    return numbers


def _taken(values: pa.Array, rows) -> pa.Array:
    return values if rows is None else values.take(rows)


def first_appearance_codes(keys: np.ndarray, bound: int) -> np.ndarray:
    """Each key's rank among the distinct keys in order of first appearance (what
    dictionary_encode numbers), for integer keys in [0, bound)."""
    if not len(keys):
        return np.zeros(0, np.int64)
    first = np.full(bound, len(keys), np.int64)
    np.minimum.at(first, keys, np.arange(len(keys), dtype=np.int64))
    present = np.flatnonzero(first < len(keys))
    rank = np.zeros(bound, np.int64)
    rank[present[np.argsort(first[present], kind="stable")]] = np.arange(len(present), dtype=np.int64)
    return rank[keys]


def distinct_ints(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` of an integer array (its distinct values, ascending), by a sort and a
    comparison of neighbours: numpy 2.4's `np.unique` hashes, 5-10x slower on 10^5 distinct values."""
    ordered = np.sort(values, axis=None)
    return ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(ordered) else ordered


def no_nulls(df, *names: str) -> bool:
    """None of the columns holds a null (or a NaN)."""
    return not any(frame_nulls(df, name).any() for name in names)


def pairs_by_key(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) with left[i] == right[j] (an inner join of two integer key arrays), grouped
    by i in order, j in order within each i."""
    order = np.argsort(right, kind="stable")
    ordered = right[order]
    low, high = np.searchsorted(ordered, left, "left"), np.searchsorted(ordered, left, "right")
    per = high - low
    li = np.repeat(np.arange(len(left)), per)
    ri = order[np.arange(int(per.sum())) - np.repeat(np.cumsum(per) - per, per) + np.repeat(low, per)]
    return li, ri


@dataclass(frozen=True)
class SpanPairs:
    """Every pair of a chosen left row and a chosen right row of the same article (`left`,
    `right`: positions into the chosen rows, as `pairs_by_key` orders them), with both spans."""

    left: np.ndarray
    right: np.ndarray
    left_start: np.ndarray
    left_end: np.ndarray
    right_start: np.ndarray
    right_end: np.ndarray


DIRECT_PAIRS = 1 << 20
"""Up to this many same-article pairs (or 8 per chosen row, if more), `same_article_span_pairs`
lists them all and keeps those in relation; past it, `span_pairs.related_pairs` finds the kept
ones alone (attack30: one article of 10^5 claims and 4.5*10^4 flags was 4.5*10^9 pairs)."""


def _keyed_spans(left, left_rows, right, right_rows, left_span, right_span):
    """(left article codes, starts, ends, right article codes, starts, ends) of the chosen rows,
    or None when a null article id or offset among them leaves the pairing undecided."""
    if any(nulls_at(left, c, left_rows) for c in ("article_id", *left_span)) or \
            any(nulls_at(right, c, right_rows) for c in ("article_id", *right_span)):
        return None
    left_article, right_article = article_codes((left, left_rows), (right, right_rows))
    return (left_article, frame_ints(left, left_span[0])[left_rows], frame_ints(left, left_span[1])[left_rows],
            right_article, frame_ints(right, right_span[0])[right_rows], frame_ints(right, right_span[1])[right_rows])


def listed_pairs_are_few(left_article: np.ndarray, right_article: np.ndarray) -> bool:
    """Listing every pair of equal keys (one article's, one entity's) costs little: at most 8 a
    row, or DIRECT_PAIRS; past it the callers find only the pairs in relation (attack30)."""
    return same_key_pairs(left_article, right_article) <= max(DIRECT_PAIRS, 8 * (len(left_article) + len(right_article)))


def same_article_span_pairs(left, left_rows: np.ndarray, right, right_rows: np.ndarray,
                            left_span: tuple[str, str] = ("start", "end"),
                            right_span: tuple[str, str] = ("start", "end"), *, relation: str) -> SpanPairs | None:
    """The span pairs the Arrow gates compare (evidence inside a block, a claim overlapping
    evidence, ...): the pairs of one article whose spans stand in `relation` (one of
    `span_pairs.RELATIONS`; a caller's own test on them may narrow them further), in the order
    of `pairs_by_key` (left ascending, right ascending); None when a null article id or offset
    among the chosen rows leaves the pairing undecided (the gate then leaves the decision to the
    rule on frames)."""
    keyed = _keyed_spans(left, left_rows, right, right_rows, left_span, right_span)
    if keyed is None:
        return None
    left_article, ls, le, right_article, rs, re = keyed
    if listed_pairs_are_few(left_article, right_article):
        li, ri = pairs_by_key(left_article, right_article)
        kept = related(relation, ls[li], le[li], rs[ri], re[ri])
        li, ri = li[kept], ri[kept]
    else:
        li, ri = related_pairs(relation, left_article, ls, le, right_article, rs, re)
    return SpanPairs(li, ri, ls[li], le[li], rs[ri], re[ri])


def same_article_span_match(left, left_rows: np.ndarray, right, right_rows: np.ndarray, relation: str, pick: str = "first",
                            left_span: tuple[str, str] = ("start", "end"),
                            right_span: tuple[str, str] = ("start", "end"), *,
                            also: tuple[str, str] | None = None) -> np.ndarray | None:
    """For each chosen left row, the first (least) or last (greatest) position into `right_rows`
    that `same_article_span_pairs` pairs it with, -1 for none, or how many ("count"); None as there. For rules that keep
    one partner per row or ask whether there is one: nested spans of one article pair every left
    with every right, and listing them cost the square of the article's rows (attack30).
    `also` (a left and a right string column): only pairs whose values there are equal too (a
    null equals nothing), as a rule asking for a partner of its own entity does."""
    keyed = _keyed_spans(left, left_rows, right, right_rows, left_span, right_span)
    if keyed is None:
        return None
    left_article, ls, le, right_article, rs, re = keyed
    if also is not None:
        left_article, right_article = keys_with_values(left_article, right_article, _taken(frame_strings(left, also[0]), left_rows),
                                                       _taken(frame_strings(right, also[1]), right_rows))
    if not listed_pairs_are_few(left_article, right_article):
        return related_pick(relation, pick, left_article, ls, le, right_article, rs, re)
    li, ri = pairs_by_key(left_article, right_article)
    kept = related(relation, ls[li], le[li], rs[ri], re[ri])
    li, ri = li[kept], ri[kept]
    if pick == "count":
        return np.bincount(li, minlength=len(left_article)).astype(np.int64)
    if pick == "last":
        best = np.full(len(left_article), -1, np.int64)
        np.maximum.at(best, li, ri)
        return best
    best = np.full(len(left_article), len(right_article), np.int64)
    np.minimum.at(best, li, ri)
    best[best == len(right_article)] = -1
    return best


def keys_with_values(left_key: np.ndarray, right_key: np.ndarray, left_values: pa.Array, right_values: pa.Array):
    """The keys made (key, value) pairs, still non-negative integers: equal exactly where both the
    key and the value are (one article's rows of one entity); a null value on either side equals
    nothing (two sentinels, one a side)."""
    left_code, right_code = shared_codes(left_values, right_values)
    values = np.int64(max(left_code.max(initial=-1), right_code.max(initial=-1)) + 3)
    left_code = np.where(left_code < 0, values - 2, left_code)
    right_code = np.where(right_code < 0, values - 1, right_code)
    return left_key * values + left_code, right_key * values + right_code


def article_merge(left, right, relation: str, left_span: tuple[str, str] = ("start", "end"),
                  right_span: tuple[str, str] = ("start", "end"), suffixes: tuple[str, str] = ("", "_x"), *,
                  first_only: bool = False):
    """`left.merge(right, on="article_id", suffixes=suffixes)` less the rows whose spans are not in
    `relation`: what a rule on frames keeps of that merge (a test of the two spans, true only in
    relation) is the same. Rows in merge order (left ascending, right ascending), a fresh index,
    the merge's columns. The merge formed every pair of rows of one article: one broken article
    of 10^4 claims and 6,300 fabricated_content flags made C9b's rule form 9*10^7 rows
    (attack30). A row with an unknown offset (null, NaN) is in no relation, so it is in no row:
    each caller's test on a pair is false there, and the null is Pandera's finding; it had met its
    whole article (4,000 null-offset claims beside 4,000 flags: 1.6*10^7 rows, 3.9 s and 2.5 GB,
    session 29). Offsets that are not integer columns take the merge itself. `first_only`: of
    the rows in relation, only each left row's first, for a rule that asks only whether a left
    row has one (nested spans make the rows in relation the square of the article's rows too)."""
    import pandas as pd

    left, right = (frame[~(frame[span[0]].isna() | frame[span[1]].isna()).to_numpy(dtype=bool)]
                   for frame, span in ((left, left_span), (right, right_span)))
    spans = [left[c] for c in left_span] + [right[c] for c in right_span]
    left_null, right_null = left["article_id"].isna().to_numpy(), right["article_id"].isna().to_numpy()
    if not all(pd.api.types.is_integer_dtype(v.dtype) for v in spans) or (left_null.any() and right_null.any()) \
            or left["article_id"].dtype != right["article_id"].dtype:
        return left.merge(right, on="article_id", suffixes=suffixes)
    codes, _ = pd.factorize(pd.concat([left["article_id"], right["article_id"]], ignore_index=True))
    left_key, right_key = codes[:len(left)].astype(np.int64), codes[len(left):].astype(np.int64)
    ls, le, rs, re = (v.to_numpy(dtype=np.int64) for v in spans)
    lk, rk = np.flatnonzero(~left_null), np.flatnonzero(~right_null)
    if listed_pairs_are_few(left_key[lk], right_key[rk]):
        li, ri = pairs_by_key(left_key[lk], right_key[rk])
        kept = related(relation, ls[lk][li], le[lk][li], rs[rk][ri], re[rk][ri])
        li, ri = li[kept], ri[kept]
        if first_only:  # pairs_by_key lists each left's rights in ascending order
            firsts = np.r_[True, li[1:] != li[:-1]] if len(li) else np.zeros(0, dtype=bool)
            li, ri = li[firsts], ri[firsts]
    elif first_only:
        best = related_pick(relation, "first", left_key[lk], ls[lk], le[lk], right_key[rk], rs[rk], re[rk])
        li, ri = np.flatnonzero(best >= 0), best[best >= 0]
    else:
        li, ri = related_pairs(relation, left_key[lk], ls[lk], le[lk], right_key[rk], rs[rk], re[rk])
    li, ri = lk[li], rk[ri]
    shared = (set(left.columns) & set(right.columns)) - {"article_id"}
    left_part = left.iloc[li].reset_index(drop=True).rename(columns={c: c + suffixes[0] for c in shared})
    right_part = right.drop(columns="article_id").iloc[ri].reset_index(drop=True).rename(columns={c: c + suffixes[1] for c in shared})
    return pd.concat([left_part, right_part], axis=1)


def same_key_pairs(left: np.ndarray, right: np.ndarray) -> int:
    """How many (i, j) have left[i] == right[j] (non-negative integer keys), without listing them."""
    if not len(left) or not len(right):
        return 0
    size = int(max(left.max(), right.max())) + 1
    if size > 2 * (len(left) + len(right)) + 1024:  # sparse keys (one article's entity: article x entity codes): counted on ranks
        joined = np.concatenate([left, right])
        ranks = np.searchsorted(distinct_ints(joined), joined)  # attack31: a bincount of 30,000 x 30,000 keys was 6.7 GiB
        left, right, size = ranks[:len(left)], ranks[len(left):], int(ranks.max()) + 1
    return int(np.dot(np.bincount(left, minlength=size).astype(np.float64), np.bincount(right, minlength=size)))


def is_in(df, name: str, values) -> np.ndarray:
    """`df[name].isin(values)` of a string column, on Arrow when `df` is a `LazyFrame` (a null is in
    no set); made once per run and set of values there, read-only (36 asks, 22 distinct, at 10^5)."""
    values = list(values)

    def found_values() -> np.ndarray:
        found = pc.is_in(frame_strings(df, name), value_set=pa.array(values, pa.large_string()))
        return pc.fill_null(found, False).to_numpy(zero_copy_only=False)

    if not isinstance(df, LazyFrame):
        return found_values()
    return _shared(df._corpus, ("is_in", df._name, name, frozenset(values)), lambda: _read_only(found_values()))


def nulls_at(df, name: str, rows: np.ndarray) -> bool:
    """Some of `rows` holds a null (or a NaN) in column `name`."""
    return bool(frame_nulls(df, name)[rows].any())


def gather(values: np.ndarray, index: np.ndarray, fill) -> np.ndarray:
    """values[index], with `fill` where index < 0 (an unknown or null key). The clamped form
    `values[np.maximum(index, 0)]` raises IndexError when `values` is empty (a zero-row table),
    which crashed whole checks (attack12)."""
    index = np.asarray(index)
    if not len(values):
        return np.full(len(index), fill, dtype=np.asarray(values).dtype)
    return np.where(index >= 0, values[np.clip(index, 0, len(values) - 1)], fill)
