"""Cross checks that span every table: foreign keys, spans against the article text, ids
derived from content, provenance (gold rows carry no confidence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import (
    _first_index_arrow,
    _ids,
    _strings,
    arrow_column,
    arrow_table,
    article_numbers,
    article_texts,
    column,
    frame_ints,
    frame_nulls,
    frame_of,
    frame_strings,
    key_positions,
    nulls,
    strings_of,
)
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import span_text_equal

if TYPE_CHECKING:
    import pandas as pd

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


def check_foreign_keys(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Vectorised membership test (Arrow is_in), one pass per foreign key."""
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        if table not in tables or ref_table not in tables:
            continue
        df = tables[table]
        is_list = TABLES_BY_NAME[table].column(column).type == "string_list"
        if not is_list:  # the common case: no copy of the column, Python only for dangling rows
            dangling = np.flatnonzero((key_positions(tables, table, column, ref_table, ref_column) < 0) & ~nulls(tables, table, column))
            if not len(dangling):
                continue
            df = frame_of(df)
            for row_id, value in zip(_ids(df, table).iloc[dangling], df[column].iloc[dangling]):
                report.add(table, "dangling-foreign-key", f"{column} {value!r} is not a {ref_table}.{ref_column}", row_id, column, value)
            continue
        # list items on Arrow: flattened once (no Python list per row), Python only for dangling items
        known = _known_keys(tables, ref_table, ref_column)
        lists = arrow_column(tables, table, column, pa.list_(pa.string()))
        items = pc.list_flatten(lists)
        parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
        present = np.flatnonzero(pc.is_valid(items).to_numpy(zero_copy_only=False))
        found = _first_index_arrow(items.take(pa.array(present)).cast(pa.large_string()), known) >= 0
        dangling = present[~found]
        rows = parents[dangling]
        if not len(rows):
            continue
        df = frame_of(df)
        for row_id, value in zip(_ids(df, table).iloc[rows], items.take(pa.array(dangling, pa.int64())).to_pylist()):
            report.add(table, "dangling-foreign-key", f"{column} item {value!r} is not a {ref_table}.{ref_column}", row_id, column, value,
                       value_of="an item")


def _known_keys(tables, table: str, name: str) -> pa.Array:
    """The non-null values of a key column as large strings (`.dropna().astype(str)` of a
    string column)."""
    if arrow_table(tables, table) is not None:
        return pc.drop_null(strings_of(tables, table, name))
    return _strings(tables[table][name].dropna().astype(str))


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
        ids = _LazyIds(df, name)  # row ids are needed only to word a finding
        article = article_numbers(tables, name)
        length = texts.lengths[np.maximum(article, 0)] if len(texts.lengths) else np.zeros(len(df), np.int64)
        for start_col, end_col, text_col in spec.span_columns:
            missing = [frame_nulls(df, c) for c in (start_col, end_col, text_col)]
            null_count = missing[0].astype(np.int8) + missing[1] + missing[2]
            for row in np.flatnonzero((null_count > 0) & (null_count < 3)).tolist():
                report.add(name, "span-partially-null", f"{start_col}/{end_col}/{text_col} must be all null or all set", ids[row].as_py(), start_col)
            full = (null_count == 0) & (article >= 0)  # unknown articles are dangling foreign keys
            s, e = frame_ints(df, start_col, 0), frame_ints(df, end_col, 0)
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
            span_strings = frame_strings(df, text_col)
            if len(rows) < len(df):  # usually every row: no copy of the span texts, numbers or offsets
                span_strings = span_strings.take(pa.array(rows))
                wrong = ~span_text_equal(texts, article[rows], s[rows], e[rows], span_strings)
            else:
                wrong = ~span_text_equal(texts, article, s, e, span_strings)
            if not wrong.any():
                continue
            bad = rows[wrong]
            actual = texts.slices(article[bad], s[bad], e[bad]).to_pylist()
            for row_id, start, end, want, text in zip(ids.take(pa.array(bad)).to_pylist(), s[bad], e[bad], actual, span_strings.filter(pa.array(wrong)).to_pylist()):
                report.add(name, "span-text-mismatch", f"{text_col} differs from article text[{start}:{end}] = {want!r}", row_id, text_col, text)


class _LazyIds:
    """A table's row ids as Arrow strings, made on first use (a sound table never needs them)."""

    def __init__(self, df: pd.DataFrame, name: str):
        self._df, self._name, self._ids = df, name, None

    def _get(self) -> pa.Array:
        if self._ids is None:
            self._ids = _strings(_ids(self._df, self._name))
        return self._ids

    def __getitem__(self, row):
        return self._get()[row]

    def take(self, rows):
        return self._get().take(rows)


def check_derived_ids(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Ids are derived from content (article, offsets, holder, target), never from row order.

    Expected ids are joined in Arrow; only differing rows become Python strings.
    """
    for name, expected_id in DERIVED_IDS.items():
        df = tables.get(name)
        if df is None or df.empty:
            continue
        kept = arrow_table(tables, name)
        if kept is not None:  # decided on Arrow: ids with no null are the strings `astype(str)` gives
            ids = strings_of(tables, name, TABLES_BY_NAME[name].id_column)
            if ids.null_count == 0 and _all_derived(kept, ids, expected_id):
                continue
            df = frame_of(df)
            expected = expected_id(df)
        else:
            expected = expected_id(df)
        ids = _strings(_ids(df, name))
        differs = pc.fill_null(pc.not_equal(ids, expected), True)
        for row_id, want in zip(ids.filter(differs).to_pylist(), expected.filter(differs).to_pylist()):
            report.add(name, "id-not-derived", f"id should be {want!r}", row_id, TABLES_BY_NAME[name].id_column, row_id)


_ID_ROWS = 1 << 16
"""Rows whose expected ids are built at once: the next block reuses the memory of the last
(436,000 mention ids at once were some 30 MB of fresh pages, each page a fault)."""


def _all_derived(table: pa.Table, ids: pa.Array, expected_id) -> bool:
    """Every id (none null) equals the one derived from its row, decided block by block."""
    for begin in range(0, table.num_rows, _ID_ROWS):
        expected = expected_id(_ArrowColumns(table.slice(begin, _ID_ROWS)))
        if expected.null_count or pc.all(pc.equal(ids.slice(begin, _ID_ROWS), expected)).as_py() is False:
            return False
    return True


class _ArrowColumns:
    """An Arrow table read by column name as `_text` reads a frame (`df[column]`)."""

    def __init__(self, table: pa.Table):
        self.table = table

    def __getitem__(self, name: str) -> pa.Array:
        return column(self.table, name)


def _text(df: pd.DataFrame, column: str, null: str | None = None) -> pa.Array:
    """A column as Arrow strings; integers print as Python prints them, a null integer as <NA>."""
    values = df[column] if isinstance(df, _ArrowColumns) else pa.array(df[column], from_pandas=True)
    if pa.types.is_integer(values.type):
        return pc.fill_null(values.cast(pa.large_string()), "<NA>")
    values = values.cast(pa.large_string())
    return pc.fill_null(values, null) if null is not None else values


def _joined(*parts) -> pa.Array:
    """The parts (columns, and literal strings between them) joined row by row; null where a
    column is null.

    A literal between two columns is the separator of a two-part join: given as a part of its
    own, the join kernel pays for it as for a column (436,000 mention ids: 0.036 CPU-s as one
    five-part join, 0.018 as two two-part joins)."""
    if len(parts) < 3 or not all(isinstance(p, str) == (i % 2 == 1) for i, p in enumerate(parts)) or len(parts) % 2 == 0:
        return _joined_plainly(*parts)
    out = parts[0]
    for separator, part in zip(parts[1::2], parts[2::2]):
        out = pc.binary_join_element_wise(out, part, pa.scalar(separator, pa.large_string()))
    return out


def _joined_plainly(*parts) -> pa.Array:
    """`_joined` as one join with no separator (the plain definition)."""
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


def check_provenance(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Gold rows carry no confidence; every auto row carries one (the extractor's score)."""
    for name, df in tables.items():
        # decided on Arrow and numpy for every row; pandas only indexes the failing rows
        gold = pc.fill_null(pc.equal(strings_of(tables, name, "source"), "gold"), False).to_numpy(zero_copy_only=False)
        bad = np.flatnonzero(gold == ~nulls(tables, name, "confidence"))
        if not len(bad):
            continue
        rows = frame_of(df).iloc[bad]
        for row_id, source, confidence in zip(_ids(rows, name), rows["source"], rows["confidence"]):
            report.add(name, "confidence-provenance-mismatch", f"{source} rows must {'not ' if source == 'gold' else ''}have a confidence", row_id, "confidence", confidence)
