"""The entities table of each catalogue pass, with its common rows computed by Arrow kernels.

Most entities are in one chunk's partial only, with one name and one type there (invented names
in synthetic articles, most names in news). Their `entities` row is their partial row read as it
is: the name, the type, its mentions, the aliases (sorted by the chunk), a description from the
type and the article count. Here those columns are taken from the partial table a column at a
time by Arrow kernels, with no Python object per row; only the confidence is computed in Python,
so that it is rounded by Python's `round` exactly as `catalogue.records_of_partials` rounds it.
Every other entity (in several partials, or with several names or types) goes through
`records_of_partials`. The rows are `catalogue_records`' rows, so the file written is the same
(tests/test_extract_outside7.py).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow._compute as _arrow_compute

from landstrikes.extract.catalogue import PARTIAL_FIELDS, pass_tables, records_of_partials
from landstrikes.extract.shard import Columns, arrow_call
from landstrikes.schema.registry import TABLES_BY_NAME


def entity_shards(folder: Path, source: str):
    """One `Columns` of entities rows per merge pass (bucket range), ready for `shard.write_shard`
    (which sorts them by entity_id)."""
    spec = TABLES_BY_NAME["entities"]
    for partial in pass_tables(folder):
        plain = _read_off(partial)
        columns = Columns(spec, max(1, partial.num_rows))
        simple = arrow_call("filter", [partial, plain])
        if simple.num_rows:
            columns.add_table(_entities_of_plain_partials(simple, columns.schema, source))
        rest = arrow_call("filter", [partial, arrow_call("invert", [plain])])
        if rest.num_rows:
            named = rest.to_pydict()
            columns.extend(records_of_partials(zip(*(named[name] for name in PARTIAL_FIELDS)), source))
        yield columns


def _read_off(partial: pa.Table):
    """Which partial rows are an entity's only partial row in this pass, with one name and one type."""
    ids = partial.column("entity_id")
    counted = arrow_call("value_counts", [ids])
    more_than_once = arrow_call("greater", [counted.field("counts"), pa.scalar(1, pa.int64())])
    repeated = arrow_call("filter", [counted.field("values"), more_than_once])
    once = arrow_call("invert", [arrow_call("is_in", [ids], _arrow_compute.SetLookupOptions(repeated))])
    one = pa.scalar(1, pa.int32())
    one_name = arrow_call("equal", [arrow_call("list_value_length", [partial.column("names")]), one])
    one_type = arrow_call("equal", [arrow_call("list_value_length", [partial.column("types")]), one])
    return arrow_call("and", [once, arrow_call("and", [one_name, one_type])])


def _entities_of_plain_partials(simple: pa.Table, schema: pa.Schema, source: str) -> pa.Table:
    """The entities rows of partial rows that `_read_off` chose (as `records_of_partials` makes them)."""
    n = simple.num_rows
    type_ = arrow_call("list_flatten", [simple.column("types")])
    type_mentions = arrow_call("list_flatten", [simple.column("type_mentions")]).to_pylist()
    articles = arrow_call("cast", [simple.column("articles")], _arrow_compute.CastOptions.safe(pa.string()))
    text = pa.string()
    description = arrow_call("binary_join_element_wise", [
        pa.scalar("auto: ", text), type_, pa.scalar(" named in ", text), articles, pa.scalar(" article(s)", text), pa.scalar("", text)])
    confidence = [round(c * t / max(1, m), 4) for c, t, m in
                  zip(simple.column("confidence").to_pylist(), type_mentions, simple.column("mentions").to_pylist())]
    return pa.Table.from_arrays([
        simple.column("entity_id"),
        arrow_call("list_flatten", [simple.column("names")]),  # name
        type_,
        simple.column("aliases"),  # (sorted by the chunk)
        description,
        pa.repeat(pa.scalar("none", text), n),  # flag
        pa.nulls(n, text),  # flag_note
        pa.repeat(pa.scalar(source, text), n),  # source
        pa.array(confidence, pa.float64()),
    ], schema=schema)
