"""S5: "A clause the article attributes to others (a quote, ...) is evidence for that holder's
row (S3)". attack25 gave a stance whose evidence lies inside an attributed quote ("We
categorically reject intervention ...") another holder the article mentions (its id re-derived):
validate said VALID [evidence-not-speakers]. The gold's 10 entity rows with evidence inside an
attributed quote are all held by its speaker."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from attack25_tools import findings_of

CHECK = "evidence-not-speakers"


def _rows(folder, table):
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _give_quoted_evidence_another_holder(folder) -> str:
    quotes = _rows(folder, "quotes")
    path = folder / "data" / "stances" / "stances.parquet"
    stances = pq.read_table(path).to_pylist()
    kinds = {e["entity_id"]: e["type"] for e in _rows(folder, "entities")}
    for stance in stances:
        quoted = [q for q in quotes if q["article_id"] == stance["article_id"] and q["speaker_status"] == "attributed"
                  and q["start"] <= stance["evidence_start"] and stance["evidence_end"] <= q["end"]]
        if stance["holder_kind"] != "entity" or not quoted:
            continue
        taken = {(s["holder_id"], s["target_id"]) for s in stances if s["article_id"] == stance["article_id"]}
        other = sorted(m["entity_id"] for m in _rows(folder, "mentions") if m["article_id"] == stance["article_id"]
                       and kinds[m["entity_id"]] in ("PERSON", "GPE", "ORG") and m["entity_id"] != stance["holder_id"]
                       and (m["entity_id"], stance["target_id"]) not in taken)[0]
        stance.update(holder_id=other, stance_id=f"{stance['article_id']}:s:{other}:{stance['target_id']}")
        pq.write_table(pa.Table.from_pylist(stances, schema=pq.read_schema(path)), path)
        return stance["stance_id"]
    raise AssertionError("no stance with quoted evidence")


def test_quoted_evidence_held_by_someone_other_than_the_speaker_is_a_finding(dataset_copy):
    stance_id = _give_quoted_evidence_another_holder(dataset_copy)
    assert findings_of(dataset_copy, CHECK) == [(CHECK, stance_id, "holder_id")]


def test_the_gold_quoted_evidence_is_its_speakers(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
