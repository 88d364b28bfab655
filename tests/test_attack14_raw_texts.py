"""`validate` of a dataset folder holds its articles to the raw files beside them (attack14,
schema/raw_texts.py). Before, an article text edited in the table, with its sha256 and every span's
text updated to match (one letter: 'signalled' -> 'signa1led'), validated although raw/ says
otherwise, and so did a table that had lost an article raw/ holds. Both seen VALID on main's code."""

from __future__ import annotations

import hashlib
import os
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate

SPANS = (("segments", "start", "end", "text"), ("mentions", "start", "end", "text"), ("quotes", "start", "end", "text"),
         ("claims", "start", "end", "text"), ("quality_flags", "start", "end", "text"),
         ("stances", "evidence_start", "evidence_end", "evidence_text"))


@pytest.fixture
def dataset(raw_and_data_copy):
    return raw_and_data_copy


def _table(folder, name):
    return folder / "data" / name / f"{name}.parquet"


def _set(table: pa.Table, name: str, values) -> pa.Table:
    i = table.schema.get_field_index(name)
    return table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))


def _edit_first_article_consistently(folder) -> str:
    """One letter of article 0 changed in every table that copies it; digests recomputed."""
    articles = pq.read_table(_table(folder, "articles"))
    texts, digests = articles.column("text").to_pylist(), articles.column("sha256").to_pylist()
    article_id = articles.column("article_id")[0].as_py()
    i = texts[0].index("signalled")
    texts[0] = texts[0][:i] + "signa1led" + texts[0][i + 9:]
    digests[0] = hashlib.sha256(texts[0].encode()).hexdigest()
    pq.write_table(_set(_set(articles, "text", texts), "sha256", digests), _table(folder, "articles"))
    for name, start, end, text in SPANS:
        rows = pq.read_table(_table(folder, name))
        cut = [texts[0][s:e] if a == article_id and s is not None else t for a, s, e, t in
               zip(*(rows.column(c).to_pylist() for c in ("article_id", start, end, text)))]
        pq.write_table(_set(rows, text, cut), _table(folder, name))
    return article_id


def test_an_article_edited_consistently_in_every_table_is_not_its_raw_file(dataset):
    article_id = _edit_first_article_consistently(dataset)
    assert validate(dataset / "data").ok  # the tables alone agree with themselves: no raw to compare
    report = validate(dataset)
    assert [(f.check, f.row_id) for f in report.findings] == [("article-not-raw", article_id)]


def test_an_article_lost_from_the_table_is_named_by_its_raw_file(dataset):
    articles = pq.read_table(_table(dataset, "articles"))
    kept = articles.slice(0, articles.num_rows - 1)
    lost = articles.column("source_file")[-1].as_py()
    pq.write_table(kept, _table(dataset, "articles"))
    findings = [f for f in validate(dataset).findings if f.check == "article-not-raw"]
    assert [(f.row_id, f.value) for f in findings] == [(lost[:-4], lost)]


def test_a_raw_file_missing_or_a_fifo_is_a_finding_not_a_hang(dataset):
    files = sorted((dataset / "raw").glob("*.txt"))
    files[0].unlink()
    files[1].unlink()
    os.mkfifo(files[1])
    findings = [f for f in validate(dataset).findings if f.check == "article-not-raw"]
    assert sorted(f.value for f in findings) == [files[0].name, files[1].name]
    assert all("missing or not a regular file" in f.message for f in findings)


def test_attack_held_the_built_dataset_and_a_release_are_valid(dataset):
    """The check passes what build writes, and skips folders without raw/ (it failed on a
    mutation comparing the digest of the wrong file: every article a finding)."""
    assert validate(dataset).ok
    shutil.rmtree(dataset / "raw")
    assert validate(dataset).ok
