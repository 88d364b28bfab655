"""The benchmark corpora are honest stand-ins for real ones: replicas are distinct texts whose
sha256 is their real digest, and they validate (a corpus of identical texts would let a check
that caches by text look faster than it is, and would need fake digests to stay VALID)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pyarrow.parquet as pq

from landstrikes.schema import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthesize import QUOTE_TABLES, replicate  # noqa: E402


def _articles(folder: Path) -> list[dict]:
    return pq.read_table(folder / "data" / "articles").to_pylist()


def test_replicas_are_distinct_texts_with_their_real_digests_and_validate(built_dataset, tmp_path):
    replicate(built_dataset, tmp_path, copies=9, scaled=QUOTE_TABLES)
    rows = _articles(tmp_path)
    assert len(rows) == 9 * len(_articles(built_dataset))
    assert len({r["text"] for r in rows}) == len(rows)
    assert all(hashlib.sha256(r["text"].encode()).hexdigest() == r["sha256"] for r in rows)
    report = validate(tmp_path)
    assert report.ok, report.to_text()


def test_replica_zero_is_the_original_text_and_replicas_keep_its_words(built_dataset, tmp_path):
    replicate(built_dataset, tmp_path, copies=3)
    originals = {r["article_id"]: r["text"] for r in _articles(built_dataset)}
    for row in _articles(tmp_path):
        article_id, replica = row["article_id"].rsplit("-", 1)
        if replica == "0":
            assert row["text"] == originals[article_id]
        assert row["text"].split() == originals[article_id].split()
        assert len(row["text"]) == len(originals[article_id])
