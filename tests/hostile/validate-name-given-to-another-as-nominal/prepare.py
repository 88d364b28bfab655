from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    mentions = pq.read_table(part(input, "mentions")).select(["text", "kind"]).to_pylist()
    row = next(i for i, m in enumerate(mentions) if m["text"] == "Claudia Sheinbaum" and m["kind"] == "NAME")
    set_cell(input, "mentions", "kind", row, "NOMINAL")
    set_cell(input, "mentions", "entity_id", row, "donald-trump")
