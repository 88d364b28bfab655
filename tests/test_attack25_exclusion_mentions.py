"""M5: an exclusion says an alias occurrence does NOT refer to its entity; a mention of that
entity over the same words says it does. attack25 added a NAME mention of `us-congress` at a002's
excluded "congressional" (its id derived, its text the slice, an alias of the entity): validate
said VALID [exclusion-overlaps-mention]."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def _add_mention_over_exclusion(folder: Path, kind: str = "NAME") -> tuple[str, str]:
    exclusion = pq.read_table(folder / "data" / "mention_exclusions").to_pylist()[0]
    path = folder / "data" / "mentions" / "mentions.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    a, s, e = exclusion["article_id"], exclusion["start"], exclusion["end"]
    rows.append({**rows[0], "mention_id": f"{a}:m:{s}-{e}", "article_id": a, "entity_id": exclusion["entity_id"],
                 "start": s, "end": e, "text": exclusion["text"], "kind": kind})
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)
    return exclusion["exclusion_id"], f"{a}:m:{s}-{e}"


def _findings(folder: Path) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column, f.value) for f in report.findings]


def test_a_mention_of_the_excluded_entity_over_its_exclusion_is_a_finding(dataset_copy):
    exclusion_id, mention_id = _add_mention_over_exclusion(dataset_copy)
    assert [f for f in _findings(dataset_copy) if f[0] == "exclusion-overlaps-mention"] == [
        ("exclusion-overlaps-mention", exclusion_id, "start", mention_id)]


def test_the_gold_exclusion_overlaps_no_mention_of_its_entity(dataset_copy):
    assert [f for f in _findings(dataset_copy) if f[0] == "exclusion-overlaps-mention"] == []
