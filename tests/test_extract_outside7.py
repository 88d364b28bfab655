"""What the seventh round of issue 17's overhead cuts may change and what they may not.

The entities an extract run writes are `catalogue_records`' rows whichever way they are computed
(Arrow kernels for an entity of one partial with one name and one type, Python for the rest),
for any cut of the articles into chunks and any size of merge pass; a chunk holds the command's
evidence records as they are, and they are what the collector can leave alone.
"""

from __future__ import annotations

import gc
from pathlib import Path

from evidence_strategies import WIDE_EVIDENCE, write_partials
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.extract import catalogue
from landstrikes.extract.article import extract_records
from landstrikes.extract.catalogue import ChunkEvidence, catalogue_records
from landstrikes.extract.chunk import shard_metadata, write_shard_of
from landstrikes.extract.entity_shards import entity_shards
from landstrikes.extract.shard import write_shard

RAW = Path(__file__).resolve().parents[1] / "dataset" / "raw"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WIDE_EVIDENCE, max_size=5), max_size=12), st.lists(st.integers(0, 12), max_size=3),
       st.sampled_from([3, 10, 40_000]))
@example([[{"entity_id": "a", "name": "A", "type": "ORG", "mentions": 2, "confidence": 0.45, "aliases": ["b", "A"]}],
          [{"entity_id": "a", "name": "A", "type": "ORG", "mentions": 1, "confidence": 0.8, "aliases": ["A"]}]], [1], 40_000)
def test_the_entities_written_are_catalogue_records_rows_for_any_chunks_and_passes(tmp_path_factory, articles, cuts, pass_rows):
    folder = tmp_path_factory.mktemp("evidence")
    out = tmp_path_factory.mktemp("out")
    write_partials(folder, articles, cuts)
    saved = catalogue.PASS_ROWS
    catalogue.PASS_ROWS = pass_rows
    try:
        plain = list(catalogue_records(folder, "auto"))
        fast = list(entity_shards(folder, "auto"))
    finally:
        catalogue.PASS_ROWS = saved
    assert len(fast) == len(plain)
    for i, (columns, rows) in enumerate(zip(fast, plain)):
        assert columns.rows == len(rows)
        got = sorted(columns.table().to_pylist(), key=lambda r: r["entity_id"])
        assert [tuple(r.values()) for r in got] == rows
        write_shard(columns, out / f"fast-{i}.parquet", shard_metadata("entities"))
        write_shard_of(rows, "entities", out / f"plain-{i}.parquet")
        assert (out / f"fast-{i}.parquet").read_bytes() == (out / f"plain-{i}.parquet").read_bytes()


def test_no_evidence_writes_no_entities_file(tmp_path):
    assert list(entity_shards(tmp_path / "evidence", "auto")) == []


def test_the_commands_evidence_records_are_left_alone_by_the_collector_once_collected():
    """`ChunkEvidence.hold` keeps the records as they come: a collection untracks the aliases
    tuples, the next one the records holding them, so the collections inside the next articles
    do not walk a chunk's evidence."""
    path = sorted(RAW.glob("*.txt"))[0]
    evidence = extract_records(path.stem, path.read_text(encoding="utf-8"), path.name)["entity_rows"]
    assert evidence and all(type(r[-1]) is tuple and list(r[-1]) == sorted(set(r[-1])) for r in evidence)
    chunk = ChunkEvidence()
    chunk.hold(evidence)
    gc.collect()
    gc.collect()
    assert not any(gc.is_tracked(r) for r in chunk.held)
