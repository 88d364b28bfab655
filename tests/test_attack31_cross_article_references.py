"""attack31: a quote's speaker mention and parent quote are rows of its own article (Q4, Q6), but
`validate --engine`'s tasks hold whole articles, not the rows another article's row names: a quote
of one article given a quote of another as parent (or a mention of another as speaker mention)
was VALID under the engine whenever the two articles fell into different tasks (each task looked
the id up among its own rows, found none and judged nothing; the key pass found that the id
exists), where one folder says INVALID. A mention whose article id is null, in another task than
its quote, likewise went uncompared (the limit README admitted after session 28).

Now the rules that read the mention or the parent look it up within the quote's article, and a
reference naming only other articles' rows is judged on whole tables (`cross_article_refs.py`):
in one folder as a cross check, under the engine in its corpus-wide pass. Each test cuts the
corpus one article per partition, so the two rows lie in different tasks, and compares both reports."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from attack25_tools import rows_of, table_path, write_rows
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate

A000, A002 = "000_", "002_"


def _both(folder, tmp_path):
    """(one folder's report, the engine's on the same rows cut one article per partition, one task each)."""
    one = validate(folder)
    parts = tmp_path / "parts"
    repartition(folder / "data", parts / "data")
    return one, validate_partitioned(parts, "local", num_proc=2, task_floor=1)


def _first_quote(quotes, article: str, **wanted):
    return next(q for q in quotes if q["article_id"].startswith(article) and all(q[k] == v for k, v in wanted.items()))


def test_a_parent_quote_of_another_article_is_a_finding_under_the_engine_too(dataset_copy, tmp_path):
    quotes = rows_of(dataset_copy, "quotes")
    other = _first_quote(quotes, A002)
    quote = _first_quote(quotes, A000, parent_quote_id=None)
    quote["parent_quote_id"] = other["quote_id"]
    write_rows(dataset_copy, "quotes", quotes)
    one, partitioned = _both(dataset_copy, tmp_path)
    assert [(f.check, f.row_id) for f in one.findings] == [("parent-quote-not-enclosing", quote["quote_id"])]
    assert sorted(partitioned.findings) == sorted(one.findings)
    assert partitioned.exit_code == one.exit_code == 1


@pytest.mark.parametrize("how", ["another-article", "null-article"])
def test_a_speaker_mention_outside_the_quotes_article_is_judged_as_one_folder_judges_it(dataset_copy, tmp_path, how):
    quotes, mentions = rows_of(dataset_copy, "quotes"), rows_of(dataset_copy, "mentions")
    quote = next(q for q in quotes if q["article_id"].startswith(A000) and q["speaker_mention_id"] is not None)
    if how == "another-article":  # a mention of 002 of the same speaker
        mention = next(m for m in mentions if m["article_id"].startswith(A002) and m["entity_id"] == quote["speaker_id"])
        quote["speaker_mention_id"] = mention["mention_id"]
        write_rows(dataset_copy, "quotes", quotes)
    else:  # the quote's own mention, its article id null: repartition puts it in partition 0 (000's), so move 000 last
        mention = next(m for m in mentions if m["mention_id"] == quote["speaker_mention_id"])
        mention["article_id"] = None
        path = table_path(dataset_copy, "mentions")
        schema = pq.read_schema(path)
        k = schema.get_field_index("article_id")
        pq.write_table(pa.Table.from_pylist(mentions, schema=schema.set(k, schema.field(k).with_nullable(True))), path)
        articles = rows_of(dataset_copy, "articles")
        write_rows(dataset_copy, "articles", articles[1:] + articles[:1])
    one, partitioned = _both(dataset_copy, tmp_path)
    assert ("speaker-mention-mismatch", quote["quote_id"]) in [(f.check, f.row_id) for f in one.findings]
    assert sorted(partitioned.findings) == sorted(one.findings)
    assert partitioned.exit_code == one.exit_code == 1



def test_a_quote_whose_id_is_null_is_named_one_way_by_the_cross_article_rule(dataset_copy):
    """Its speaker mention of another article, the speaker words not that mention's span: both
    findings name the row `<null>`, as every other rule does (the rule had spelt it 'None' where
    it wrote the row id itself)."""
    quotes, mentions = rows_of(dataset_copy, "quotes"), rows_of(dataset_copy, "mentions")
    quote = next(q for q in quotes if q["article_id"].startswith(A000) and q["speaker_mention_id"] is not None)
    quote["speaker_mention_id"] = next(m["mention_id"] for m in mentions if m["article_id"].startswith(A002)
                                       and m["start"] != quote["speaker_start"])
    quote["quote_id"] = None
    path = table_path(dataset_copy, "quotes")
    schema = pq.read_schema(path)
    k = schema.get_field_index("quote_id")
    pq.write_table(pa.Table.from_pylist(quotes, schema=schema.set(k, schema.field(k).with_nullable(True))), path)
    found = {(f.check, f.row_id) for f in validate(dataset_copy).findings if f.check in ("speaker-mention-mismatch", "speaker-words-inconsistent")}
    assert found == {("speaker-mention-mismatch", "<null>"), ("speaker-words-inconsistent", "<null>")}
