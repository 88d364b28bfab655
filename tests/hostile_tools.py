"""What the hostile cases' `prepare.py` scripts share: edit a source in place, find a table's
Parquet part, and write one cell with pyarrow directly (so bytes that are not valid UTF-8 can
reach a string column, which no pandas round trip would allow)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a text file; the case is stale (assertion) if `old` is gone."""
    text = path.read_text(encoding='utf-8')
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def part(input: Path, table: str) -> Path:
    """The first Parquet part of `table` under input/data."""
    return sorted((input / "data" / table).glob("*.parquet"))[0]


def set_cell(input: Path, table: str, column: str, row: int, value) -> None:
    """column[row] = value written with pyarrow directly (bytes stay raw string bytes)."""
    path = part(input, table)
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index(column)
    kind = arrow.schema.field(i).type
    listy = pa.types.is_list(kind)
    raw = (lambda v: [x.encode() if isinstance(x, str) else x for x in v] if v is not None else None) if listy \
        else (lambda v: v.encode() if isinstance(v, str) else v)
    if pa.types.is_string(kind) or (listy and pa.types.is_string(kind.value_type)):
        items = [raw(v) for v in arrow.column(i).to_pylist()]
        items[row] = raw(value)
        array = pa.array(items, pa.list_(pa.binary()) if listy else pa.binary()).view(kind)
    else:
        items = arrow.column(i).to_pylist()
        items[row] = value
        array = pa.array(items, kind)
    pq.write_table(arrow.set_column(i, pa.field(column, kind), array), path)


def flip_stance_rehashed(release: Path) -> dict:
    """Flip the first stance label of `release` to another legal label (schema and metadata kept)
    and re-hash its MANIFEST entry, as a forger who knows the manifest would; returns the
    manifest (written back) for further edits."""
    import hashlib
    import json

    path = release / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    i = table.schema.get_field_index("label")
    labels = table.column(i).to_pylist()
    labels[0] = "against" if labels[0] != "against" else "favor"
    pq.write_table(table.set_column(i, table.schema.field(i), pa.array(labels, table.schema.field(i).type)), path)
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["files"][path.relative_to(release).as_posix()].update(
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest
