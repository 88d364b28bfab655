from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "stances")
    stances = pq.read_table(path)
    gone = pc.equal(stances.column("stance_id"), "003_53ec89303f4de55c:s:article:land-strikes-mexico")
    assert pc.sum(gone).as_py() == 1
    pq.write_table(stances.filter(pc.invert(gone)), path)
