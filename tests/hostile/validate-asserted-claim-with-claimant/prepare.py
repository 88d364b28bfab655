from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    claims = pq.read_table(part(input, "claims")).select(["claimant_id", "hedging"]).to_pylist()
    row = next(i for i, c in enumerate(claims) if c["claimant_id"] is not None and c["hedging"] == "attributed")
    set_cell(input, "claims", "hedging", row, "asserted")
