from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    quotes = pq.read_table(part(input, "quotes")).select(["cluster_id", "cluster_similarity"]).to_pylist()
    row = next(i for i, q in enumerate(quotes) if q["cluster_similarity"] < 1.0)
    set_cell(input, "quotes", "cluster_id", row, quotes[row]["cluster_id"] + "-split")
