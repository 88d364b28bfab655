from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    entities = pq.read_table(part(input, "entities")).select(["entity_id", "aliases"]).to_pylist()
    row = next(i for i, e in enumerate(entities) if e["entity_id"] == "david-saucedo")
    set_cell(input, "entities", "aliases", row, [a for a in entities[row]["aliases"] if a != "Saucedo"])
    mentions = pq.read_table(part(input, "mentions")).select(["entity_id", "text", "kind"]).to_pylist()
    for i, m in enumerate(mentions):
        if m["entity_id"] == "david-saucedo" and m["text"] == "Saucedo" and m["kind"] == "NAME":
            set_cell(input, "mentions", "kind", i, "NOMINAL")
