import unicodedata
from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part, set_cell


def prepare(input: Path) -> None:
    propositions = pq.read_table(part(input, "claim_clusters")).column("proposition").to_pylist()
    row = next(i for i, p in enumerate(propositions) if not p.isascii())
    set_cell(input, "claim_clusters", "proposition", row, unicodedata.normalize("NFD", propositions[row]))
