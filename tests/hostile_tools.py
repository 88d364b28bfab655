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


def _varint(n: int, width: int = 0) -> bytes:
    """Thrift compact's zigzag varint of `n`, padded with empty continuation bytes to `width`."""
    return _unsigned((n << 1) ^ (n >> 63), width)


def footer_says_rows(path: Path, rows: int) -> None:
    """Rewrite the file-level row count in a Parquet footer to `rows`, leaving the row groups
    (what readers decode) as they are: FileMetaData field 3, the first i64 holding the true count."""
    import struct

    data = path.read_bytes()
    length = struct.unpack("<I", data[-8:-4])[0]
    start = len(data) - 8 - length
    footer = data[start:-8]
    true = pq.ParquetFile(path).metadata.num_rows
    old = b"\x16" + _varint(true)
    at = footer.index(old)
    new = b"\x16" + _varint(rows, len(old) - 1)
    assert len(new) == len(old), "the lie must fit in the true count's bytes"
    path.write_bytes(data[:start] + footer[:at] + new + footer[at + len(old):] + data[-8:])
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == rows and sum(meta.row_group(i).num_rows for i in range(meta.num_row_groups)) == true


def footer_replace(path: Path, old: bytes, new: bytes, last_only: bool = False) -> None:
    """Replace every `old` (or only the last) inside a Parquet file's footer (never its data pages)
    by `new` of the same length: how a footer's statistics are made to lie while every value
    decodes as before."""
    import struct

    assert len(old) == len(new), "a lie of another length would move the footer"
    data = path.read_bytes()
    length = struct.unpack("<I", data[-8:-4])[0]
    start = len(data) - 8 - length
    footer = data[start:-8]
    assert old in footer, f"{old!r} is not in the footer of {path}"
    if last_only:
        at = footer.rindex(old)
        footer = footer[:at] + new + footer[at + len(old):]
    else:
        footer = footer.replace(old, new)
    path.write_bytes(data[:start] + footer + data[-8:])


def footer_says_nulls(path: Path, column: str, nulls: int) -> None:
    """Rewrite the null count that the first row group's statistics of `column` (a string column
    holding nulls) state to `nulls`, the values kept. pyarrow writes a string column's statistics as
    null_count (field 3), max_value (5), min_value (6): the count sits just before the maximum."""
    meta = pq.ParquetFile(path).metadata
    names = [meta.row_group(0).column(i).path_in_schema for i in range(meta.num_columns)]
    stats = meta.row_group(0).column(names.index(column)).statistics
    high = stats.max_raw
    tail = b"\x28" + _unsigned(len(high)) + high
    old = b"\x36" + _varint(stats.null_count) + tail
    new = b"\x36" + _varint(nulls, len(old) - len(tail) - 1) + tail
    footer_replace(path, old, new)
    after = pq.ParquetFile(path).metadata.row_group(0).column(names.index(column)).statistics
    assert after.null_count == nulls and after.max_raw == high, "the lie did not land where intended"


def _unsigned(n: int, width: int = 0) -> bytes:
    """Thrift compact's unsigned varint (a binary field's length), padded with empty continuation
    bytes to `width`."""
    out = []
    while True:
        out.append(n & 0x7F)
        n >>= 7
        if not n:
            break
    out += [0] * (width - len(out))
    return bytes([b | 0x80 for b in out[:-1]] + [out[-1]])
