"""Helpers the builders share: iterate article records, derive ids, sort rows stably."""

from __future__ import annotations

from landstrikes.annotations.corpus import Corpus
from landstrikes.errors import short
from landstrikes.annotations.raw import RawArticle
from landstrikes.annotations.sources import Record
from landstrikes.annotations.spans import resolve


def layer_records(corpus: Corpus, layer: str):
    """(article, record) for every record of one layer, articles in id order."""
    for article in corpus.articles:
        source = corpus.source_for(article)
        if source is None:
            continue
        for record in source.layer(layer):
            yield article, record


def span_id(article_id: str, code: str, start: int, end: int) -> str:
    return f"{article_id}:{code}:{start}-{end}"


def span_of(record: Record, article: RawArticle, spec, what: str) -> tuple[int, int]:
    return resolve(record, article.text, spec, what)


def choice(record: Record, key: str, allowed, default=None):
    value = record.get(key, default)
    if value is None and default is None:
        raise record.error(f"missing required field {key!r}", key, "missing-field")
    if value not in allowed:
        raise record.error(f"{key}={short(value)} is not one of {list(allowed)}", key, "label-outside-set")
    return value


def unique_rows(rows: list[dict], id_column: str, records: list[Record]) -> list[dict]:
    """Sort by id and refuse two source records that produce the same row id."""
    seen: dict[str, Record] = {}
    for row, record in zip(rows, records):
        if row[id_column] in seen:
            first = seen[row[id_column]]
            raise record.error(f"duplicates {id_column} {short(row[id_column])} already made at line {first.line}", check="duplicate-id")
        seen[row[id_column]] = record
    return sorted(rows, key=lambda r: r[id_column])
