from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "quotes")
    table = pq.read_table(path)
    k = table.schema.get_field_index("cue_lemma")
    lemmas = table.column(k).to_pylist()
    row = table.column("cue_text").to_pylist().index("said")
    lemmas[row] = "shout"
    pq.write_table(table.set_column(k, table.schema.field(k), pa.array(lemmas, table.schema.field(k).type)), path)
