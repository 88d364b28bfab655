"""The DATASHEET lists every sentence of a claim-bearing segment that holds no claim, each with a
class saying why (docs/notes/claim_free_sentences.tsv, the claim-coverage audit of 2.8.0): the
list must be exactly the sentences the tables leave without a claim, so a claim added or removed
without its audit row fails here."""

from __future__ import annotations

import csv

import pyarrow.parquet as pq

from conftest import DATASET, REPO
from landstrikes.extract.text import lines, sentences

AUDIT = REPO / "docs" / "notes" / "claim_free_sentences.tsv"
CLAIM_SEGMENTS = {"headline", "byline", "body", "summary", "fact_table", "appended", "section_heading"}
"""C12: the segment kinds claims live in."""
CLASSES = {"repeat", "tag", "byline", "topic", "number", "fragment", "advice", "vague"}


def claim_free_sentences() -> list[tuple[str, int, int]]:
    articles = pq.read_table(DATASET / "data" / "articles").to_pylist()
    claims = pq.read_table(DATASET / "data" / "claims", columns=["article_id", "start", "end"]).to_pylist()
    segments = pq.read_table(DATASET / "data" / "segments", columns=["article_id", "start", "end", "kind"]).to_pylist()
    found = []
    for article in articles:
        text, own = article["text"], article["article_id"]
        spans = [(c["start"], c["end"]) for c in claims if c["article_id"] == own]
        kinds = [(s["start"], s["end"], s["kind"]) for s in segments if s["article_id"] == own]
        for line in lines(text):
            for s in sentences(text, line):
                in_claim_segment = any(a < s.end and b > s.start and k in CLAIM_SEGMENTS for a, b, k in kinds)
                if in_claim_segment and not any(a < s.end and b > s.start for a, b in spans):
                    found.append((own, s.start, s.end))
    return found


def audit_rows() -> list[dict]:
    with AUDIT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_audit_lists_exactly_the_claim_free_sentences():
    listed = [(r["article_id"], int(r["start"]), int(r["end"])) for r in audit_rows()]
    assert listed == claim_free_sentences()


def test_every_listed_sentence_has_a_class_and_its_text():
    texts = {a["article_id"]: a["text"] for a in pq.read_table(DATASET / "data" / "articles").to_pylist()}
    for row in audit_rows():
        assert row["class"] in CLASSES, row
        assert texts[row["article_id"]][int(row["start"]):int(row["end"])] == row["text"], row


def test_the_datasheet_counts_are_the_audits():
    rows = audit_rows()
    datasheet = (REPO / "DATASHEET.md").read_text(encoding="utf-8")
    assert f"{len(rows)} sentences" in datasheet
