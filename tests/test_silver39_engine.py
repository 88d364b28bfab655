"""silver39's rules under `validate --engine local`: the extractor's output for dataset/raw cut into
one partition per article (claim clusters and entities shared, as `extract` leaves them), corrupted
once per new rule, reports what one folder reports. A cluster's proposition and score against its
claim, and an entity's aliases against its mentions, join a shared table to a partitioned one: the
corpus-wide pass judges them (a partition's task drops every finding on a shared table)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from attack36_tools import rows_of, write_rows
from one_folder_report import same_as_one_folder

SHARED = {"entities", "claim_clusters", "stance_targets", "stances", "mention_exclusions"}


def _partitioned(folder: Path) -> Path:
    """Each article's rows of each article-keyed table in its own partition file."""
    articles = [a["article_id"] for a in rows_of(folder, "articles")]
    for table_folder in sorted((folder / "data").iterdir()):
        if table_folder.name in SHARED:
            continue
        (path,) = sorted(table_folder.glob("*.parquet"))
        table = pq.read_table(path)
        rows = table.to_pylist()
        path.unlink()
        for k, article in enumerate(articles):
            mine = [r for r in rows if r["article_id"] == article]
            pq.write_table(pa.Table.from_pylist(mine, schema=table.schema), table_folder / f"{table_folder.name}-{k:09d}.parquet")
    return folder


def _corrupt(folder: Path) -> None:
    claims, clusters = rows_of(folder, "claims"), rows_of(folder, "claim_clusters")
    clusters[0]["proposition"] = clusters[0]["proposition"] + " again"
    scored = next(k for k in clusters[1:] if k["confidence"] == 0.6)
    scored["confidence"] = 0.5
    claim = next(c for c in claims if c["quantity_bound"] == "exact" and c["quantity_low"] > 0)
    claim["quantity_low"] = claim["quantity_high"] = -claim["quantity_low"]
    claims[-1]["consistency"] = "hypothetical"
    write_rows(folder, "claims", claims)
    write_rows(folder, "claim_clusters", clusters)
    entities = rows_of(folder, "entities")
    entity = next(e for e in entities if e["name"] in e["aliases"] and len(e["aliases"]) > 1)
    entity["aliases"] = [a for a in entity["aliases"] if a != entity["name"]]
    write_rows(folder, "entities", entities)
    mentions = rows_of(folder, "mentions")
    she = next(m for m in mentions if m["kind"] == "PRONOUN" and m["text"] == "she")
    write_rows(folder, "mentions", [m for m in mentions if not (m["article_id"] == she["article_id"]
                                                                and m["entity_id"] == she["entity_id"] and m["start"] < she["start"])])


def test_a_corrupted_partitioned_silver_reports_what_one_folder_reports(silver_copy):
    _corrupt(silver_copy)
    found = {f.check for f in same_as_one_folder(_partitioned(silver_copy))}
    assert {"auto-proposition-not-its-claim", "auto-confidence-not-fixed", "auto-quantity-negative", "auto-claim-not-default",
            "auto-alias-missing", "auto-pronoun-named-later"} <= found


def test_the_partitioned_silver_is_valid_both_ways(silver_copy):
    assert same_as_one_folder(_partitioned(silver_copy)) == []
