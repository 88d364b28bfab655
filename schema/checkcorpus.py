"""The validation `Corpus` and what several cross-table checks share: indexes computed once per
validate run (article texts, key positions, article numbers) and Arrow helpers.
"""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.spantext import ArticleTexts


class Corpus(dict):
    """The tables of one validate run, by name. What several checks need (the indexed article
    texts, key lookups) is computed once, by whichever check asks first; checks run in threads.

    `arrow` holds the same tables as read (after the Arrow-level repairs), so a check can take a
    column as Arrow without converting pandas' Python lists back (see `arrow_column`)."""

    def __init__(self, *args, arrow: dict[str, pa.Table] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.arrow = arrow or {}
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


def arrow_column(tables: dict[str, pd.DataFrame], table: str, column: str, arrow_type: pa.DataType) -> pa.Array:
    """One column as an Arrow array of `arrow_type`: straight from the table as read when the
    run kept it (a Corpus from `validate`), else converted from the DataFrame (the same values:
    the frame is `to_pandas` of that table)."""
    kept = tables.arrow.get(table) if isinstance(tables, Corpus) else None
    if kept is not None and column in kept.column_names:
        values = kept.column(column)
        values = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
        return values if values.type == arrow_type else values.cast(arrow_type)
    return pa.array(tables[table][column], from_pandas=True, type=arrow_type)


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
        if name != "articles" and _shared(tables, ("articles-unique",), lambda: _distinct_ids(tables["articles"]["article_id"])):
            return key_positions(tables, name, "article_id", "articles", "article_id")
        return _article_numbers(tables["articles"], tables[name]["article_id"])

    return _shared(tables, ("article", name), numbers)


def _distinct_ids(ids: pd.Series) -> bool:
    """No null and no id twice."""
    values = _strings(ids)
    return values.null_count == 0 and pc.count_distinct(values).as_py() == len(values)
