"""Q3: a quotation the reporting clause interrupts is two rows "with the same speaker, the same
speaker mention and the same cue" (and Q13's content rows under one cue share it too). attack25
gave one half of a001's split quotes another speaker, its mention, words and offsets all
consistent: validate said VALID [split-quote-speaker-differs]. Annotated rows only: the extractor
gives the rows of one cue different speakers (40 of 1,571 shared cues on the BBC dev news)."""

from __future__ import annotations

import collections

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import findings_of

CHECK = "split-quote-speaker-differs"


def _rows(folder, table) -> list[dict]:
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _give_a_half_another_speaker(folder) -> str:
    quotes, claims = _rows(folder, "quotes"), _rows(folder, "claims")
    people = {e["entity_id"] for e in _rows(folder, "entities") if e["type"] == "PERSON"}
    by_cue = collections.defaultdict(list)
    for i, q in enumerate(quotes):
        if q["cue_start"] is not None:
            by_cue[(q["article_id"], q["cue_start"])].append(i)
    row = next(i for rows in by_cue.values() if len(rows) > 1 for i in sorted(rows, key=lambda i: quotes[i]["start"])[1:]
               if quotes[i]["speaker_status"] == "attributed"
               and not any(c["article_id"] == quotes[i]["article_id"] and quotes[i]["start"] <= c["start"] and c["end"] <= quotes[i]["end"] for c in claims))
    quote = quotes[row]
    other = next(m for m in _rows(folder, "mentions") if m["article_id"] == quote["article_id"] and m["kind"] == "NAME"
                 and m["entity_id"] in people and m["entity_id"] != quote["speaker_id"])
    quote.update(speaker_id=other["entity_id"], speaker_ids=[other["entity_id"]], speaker_mention_id=other["mention_id"],
                 speaker_start=other["start"], speaker_end=other["end"], speaker_text=other["text"])
    path = folder / "data" / "quotes" / "quotes.parquet"
    pq.write_table(pa.Table.from_pylist(quotes, schema=pq.read_schema(path)), path)
    return quote["quote_id"]


def test_a_split_quote_whose_halves_have_two_speakers_is_a_finding(dataset_copy):
    quote_id = _give_a_half_another_speaker(dataset_copy)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, quote_id, "speaker_id")]


def test_the_gold_quotes_of_one_cue_share_their_speaker(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
