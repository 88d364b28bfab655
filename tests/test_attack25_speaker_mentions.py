"""A quote's speakers are entities its article names (M3: every nominal or pronoun that identifies
a speaker is a mention; Q9 `multiple` lists the speakers of a phrase such as "Both governments").
attack25 listed an entity a003 never mentions (`marco-rubio`) among a `multiple` row's speakers,
and gave an `implicit` row (no mention by Q9) such an entity: validate said VALID for both,
as it said for claimants and holders before the census [attribution-not-mentioned]. No gold or
extractor row names an unmentioned speaker (77 gold, 7,861 extractor speaker entities)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def _quotes(folder):
    path = folder / "data" / "quotes" / "quotes.parquet"
    return path, pq.read_table(path).to_pylist()


def _unmentioned_person(folder, article_id: str) -> str:
    mentioned = {m["entity_id"] for m in pq.read_table(folder / "data" / "mentions").to_pylist() if m["article_id"] == article_id}
    return next(e["entity_id"] for e in pq.read_table(folder / "data" / "entities").to_pylist()
                if e["type"] == "PERSON" and e["entity_id"] not in mentioned)


def _findings(folder) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column, f.value) for f in report.findings if f.check == "attribution-not-mentioned"]


def test_a_multiple_speaker_the_article_never_mentions_is_a_finding(dataset_copy):
    path, quotes = _quotes(dataset_copy)
    quote = next(q for q in quotes if q["speaker_status"] == "multiple")
    stranger = _unmentioned_person(dataset_copy, quote["article_id"])
    quote["speaker_ids"] = [quote["speaker_ids"][0], stranger]
    pq.write_table(pa.Table.from_pylist(quotes, schema=pq.read_schema(path)), path)
    assert _findings(dataset_copy) == [("attribution-not-mentioned", quote["quote_id"], "speaker_ids", stranger)]


def test_an_implicit_speaker_the_article_never_mentions_is_a_finding(dataset_copy):
    path, quotes = _quotes(dataset_copy)
    quote = next(q for q in quotes if q["speaker_status"] == "implicit")
    stranger = _unmentioned_person(dataset_copy, quote["article_id"])
    quote["speaker_id"], quote["speaker_ids"] = stranger, [stranger]
    pq.write_table(pa.Table.from_pylist(quotes, schema=pq.read_schema(path)), path)
    assert ("attribution-not-mentioned", quote["quote_id"], "speaker_id", stranger) in _findings(dataset_copy)


def test_the_gold_speakers_are_mentioned_in_their_articles(dataset_copy):
    assert _findings(dataset_copy) == []
