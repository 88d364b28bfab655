from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def prepare(input: Path) -> None:
    """Append `__line__` to the first cluster with variants, as the 1.0.0 loader did."""
    path = input / "data" / "claim_clusters" / "claim_clusters.parquet"
    table = pq.read_table(path)
    ids = table.column("variant_ids").to_pylist()
    props = table.column("variant_propositions").to_pylist()
    row = next(i for i, v in enumerate(ids) if v)
    ids[row] = [*ids[row], "__line__"]
    props[row] = [*props[row], "12"]
    for name, values in (("variant_ids", ids), ("variant_propositions", props)):
        i = table.schema.get_field_index(name)
        table = table.set_column(i, table.schema.field(i), pa.array(values, table.schema.field(i).type))
    pq.write_table(table, path)
