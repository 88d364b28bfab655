from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    claims = pq.read_table(part(input, "claims")).select(["article_id", "claimant_id"]).to_pylist()
    mentions = pq.read_table(part(input, "mentions")).select(["article_id", "entity_id"]).to_pylist()
    row = next(i for i, c in enumerate(claims) if c["claimant_id"] is not None)
    named = {m["entity_id"] for m in mentions if m["article_id"] == claims[row]["article_id"]}
    set_cell(input, "claims", "claimant_id", row, next(m["entity_id"] for m in mentions if m["entity_id"] not in named))
