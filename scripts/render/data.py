"""Read the tables a site is drawn from: a dataset, a release or a silver output folder.

All three share the layout `data/<table>/<table>.parquet`. Silver output may lack tables or
have empty ones; the viewer draws what is there and says what was missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import visible
from landstrikes.schema.tableio import UnreadableTable, one_level_too_deep, refused_table
from landstrikes.schema.used_columns import read_used


class RenderError(Exception):
    """Input the viewer cannot draw at all; the CLI prints it in one line and exits 2."""


@dataclass(frozen=True)
class Tables:
    """Every table as plain records (None for nulls); `missing` names the absent tables."""

    rows: dict[str, list[dict]]
    missing: tuple[str, ...]
    source: Path

    def __getitem__(self, table: str) -> list[dict]:
        return self.rows[table]


def data_dir(path: Path) -> Path:
    """`PATH/data` for a dataset or release folder; PATH itself if it already holds table folders."""
    path = Path(path)
    if (path / "data").is_dir():
        return path / "data"
    if (path / "articles").is_dir():
        return path
    raise RenderError(f"{path}: no data/<table>/ folders here (expected a dataset, release or silver folder)"
                      f"{one_level_too_deep(path, TABLES)}")


def records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts with every spec column present and None for missing values."""
    out = []
    for row in df.to_dict("records"):
        out.append({c: _plain(row.get(c)) for c in columns})
    return out


def _plain(value):
    if isinstance(value, list):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def load_tables(path: Path) -> Tables:
    folder = data_dir(path)
    rows, missing = {}, []
    for spec in TABLES:
        table_dir = folder / spec.name
        refused = refused_table(table_dir)  # missing as validate's missing-table, else unreadable as there (attack45)
        if refused is not None and refused.check == "missing-table":
            rows[spec.name], missing = [], missing + [spec.name]
            continue
        try:
            if refused is not None:
                raise refused
            rows[spec.name] = records(read_used(table_dir, spec, spec.column_names), spec.column_names)
        except UnreadableTable as exc:
            raise RenderError(exc.line()) from exc  # with its check id, as every command names it
    if "articles" in missing or not rows["articles"]:
        raise RenderError(f"{folder}: the articles table is missing or empty; there is no text to draw on")
    _refuse_repeated_articles(folder / "articles", rows["articles"])
    for article in rows["articles"]:
        # A scrape without a headline has a null title; pages still need a heading to link by.
        article["title"] = article.get("title") or f"{article['article_id']} (no headline)"
    return Tables(rows, tuple(missing), Path(path))


def _refuse_repeated_articles(where: Path, articles: list[dict]) -> None:
    """RenderError for the first article whose id is null (`null-in-required-column`, attack45) or
    an earlier row holds (`duplicate-id`): a page is named by its article's id, so the later row's
    page was written over the earlier's and one text went undrawn, unsaid (attack44)."""
    first: dict[object, int] = {}
    for row, article in enumerate(articles):
        if article["article_id"] is None:  # no page name at all (attack45: a TypeError, or two taken for one id)
            raise RenderError(f"[null-in-required-column] {where}: row {row} column article_id: the article id is null; "
                              "a page is named by its article's id")
        earlier = first.setdefault(article["article_id"], row)
        if earlier != row:
            raise RenderError(f"[duplicate-id] {where}: row {row} column article_id: article {visible(str(article['article_id']))} "
                              f"is given twice (rows {earlier} and {row}); a page is named by its article's id, so one would "
                              "be drawn over the other")
