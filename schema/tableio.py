"""Read and write corpus tables; the one reader every check validates against (dtypes matter)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow
import pyarrow.parquet as pq

from landstrikes.schema import report
from landstrikes.schema.columns import TableSpec
from landstrikes.schema.rawnames import is_undecodable, shown_name
from landstrikes.schema.resources import raise_if_exhausted
from landstrikes.schema.footer_statistics import metadata_views_differ, statistics_lie
from landstrikes.schema.page_headers import chunk_pages
from landstrikes.schema.stated_statistics import hidden_statistics

if TYPE_CHECKING:
    import pandas as pd

METADATA_PREFIX = "landstrikes."


class UnreadableTable(Exception):
    """A table that cannot be read at all (not Parquet, 0 bytes, a symlink loop, parts that do
    not fit together): the whole input is unusable. `check` is the stable check id to report."""

    def __init__(self, message: str, check: str = "unreadable-table"):
        super().__init__(one_line(message))
        self.check = check

    def line(self) -> str:
        """`[check-id] path: what is wrong`, the one line the commands print."""
        return f"[{self.check}] {self}"


def one_line(text: str, limit: int = 400) -> str:
    """An error text on one line, short enough to read (Arrow errors can carry a whole schema)."""
    return report.one_line(text, limit)


def table_files(table_dir: Path) -> list[Path]:
    """The table's Parquet parts: every visible *.parquet file, whatever its name, in name order.

    Hidden files (macOS `._x.parquet`, editor temp files) are not parts; other files are ignored.
    """
    return sorted(p for p in table_dir.glob("*.parquet") if p.is_file() and not p.name.startswith("."))


def _unreadable_parts(table_dir: Path) -> list[Path]:
    """Visible *.parquet entries that are neither a part nor a folder: dangling symlinks, symlink
    loops, devices. Skipping them would vouch for a table with a part never read."""
    return sorted(
        p for p in table_dir.glob("*.parquet")
        if not p.name.startswith(".") and not p.is_file() and not p.is_dir()
    )


def read_part(path: Path, data: bytes | None = None) -> pyarrow.Table:
    """One Parquet file, or UnreadableTable naming it and what is wrong, in one line. `data`: the
    file's bytes as read once and hashed (a release's part, eco40), parsed instead of the file."""
    try:
        size = path.stat().st_size if data is None else len(data)
        if size == 0:
            raise UnreadableTable(f"{path}: file is 0 bytes, not a Parquet file")
        # ParquetFile, not read_table: a file with two columns of one name is read (and then
        # reported as duplicate-column) instead of failing inside the dataset API
        # page checksums, where a writer stored them, are verified: a flipped byte is then an error
        source = path if data is None else pyarrow.BufferReader(data)
        with pq.ParquetFile(source, page_checksum_verification=True) as handle:
            _refuse_bomb(path if data is None else data, size, handle.metadata, path)
            views = metadata_views_differ(handle.metadata, handle.schema_arrow)
            if views is not None:  # before any stamp or entry is read from one of them (attack62)
                raise UnreadableTable(f"{path}: {views}; refused")
            table = handle.read()
            lie = (statistics_lie(handle.metadata, table)
                   or hidden_statistics(path if data is None else data, handle.metadata, table)
                   or unused_undecodable_entry(source, handle.metadata, table))
            if lie is not None:
                raise UnreadableTable(f"{path}: {lie}; refused")
            return table
    except UnreadableTable:
        raise
    except (pyarrow.ArrowException, OSError, ValueError, IndexError, KeyError, TypeError, MemoryError) as exc:
        raise_if_exhausted(exc, str(path))  # the process's failure, not the file's (attack24)
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: Exception) -> UnreadableTable:
    if isinstance(exc, UnicodeEncodeError) and is_undecodable(str(path)):
        return UnreadableTable(undecodable_path_reason(str(path)), "unusable-path")
    return UnreadableTable(f"{path}: not a readable Parquet file ({exc})")


def undecodable_path_reason(path: str) -> str:
    """A path of bytes that are not UTF-8, shown as `\\xNN`, and why it cannot be used: Arrow
    encodes every path it opens or writes as UTF-8 (it called such a part 'not a readable Parquet
    file'; attack21)."""
    return (f"{shown_name(path)}: the path holds bytes that are not UTF-8 (shown as \\xNN), which Arrow can neither "
            "open nor write; rename the folder or file in UTF-8")


MIN_DECODED_BYTES_PER_VALUE = 8
"""What one value costs at least once read (an int64, a string's or a list's offsets)."""
MAX_EXPANSION = 100
"""Decoded size over file size above which a part is refused: real tables (the 10^6-row
benchmark, the gold) decode to a few times their size, a run-length-encoded bomb to thousands."""
BOMB_FLOOR = 256 << 20
"""Below this decoded size a part is always read, whatever its ratio."""


def footer_rows(metadata) -> int:
    """The rows a reader decodes: the sum of the row groups' counts. The file-level `num_rows`
    is a separate footer field a writer can set to anything; readers ignore it (attack11: a
    footer saying 55 rows over row groups of 5 million passed the bomb floor unread)."""
    return sum(metadata.row_group(i).num_rows for i in range(metadata.num_row_groups))


def footer_lie(metadata) -> str | None:
    """Why a footer's row counts or column chunks cannot be trusted, or None: its file count is not
    its row groups' sum, a column chunk names another column than the schema's at its place
    (attack68), or a row group's count is not what its column chunks hold (a column of no list holds one
    value a row, null or not; a list's items at least one: attack68, a quotes footer stating 102
    rows over chunks of 103 values, statistics left out, was VALID: pyarrow decodes the row
    group's count and drops the rest, DuckDB refused such a file, 'Parquet metadata is corrupt')."""
    rows = footer_rows(metadata)
    if rows != metadata.num_rows:
        return f"the footer says {report.counted(metadata.num_rows, 'row')}, its row groups hold {rows}"
    repeated = [metadata.schema.column(j).max_repetition_level > 0 for j in range(metadata.num_columns)]
    paths = [metadata.schema.column(j).path for j in range(metadata.num_columns)]
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        for j in range(group.num_columns):
            stated = group.column(j).path_in_schema
            if stated != paths[j]:  # Arrow and DuckDB take chunk j for column j, parquet-mr (Spark) by this path
                return (f"row group {i}: its column chunk {j} says it holds column {stated!r}, the schema's column {j} "
                        f"is {paths[j]!r} (readers map chunks by position or by this path)")
            values = group.column(j).num_values
            if values < group.num_rows or values != group.num_rows and not repeated[j]:
                return (f"row group {i}: the footer says {report.counted(group.num_rows, 'row')}, its column "
                        f"{group.column(j).path_in_schema} holds {report.counted(values, 'value')}")
    return None


def _refuse_bomb(source, size: int, metadata, path: Path | None = None) -> None:
    """A few hundred kilobytes of Parquet can declare tens of millions of identical rows, or a few
    rows of megabyte values, which validate would hold in memory (gigabytes) and check row by row
    for minutes. See `bomb_reason`; a footer whose counts disagree is refused unread, since either
    count could be the one that decodes."""
    path = source if path is None else path  # `source`: the path, or the bytes read from it
    lie = footer_lie(metadata)
    if lie is not None:
        raise UnreadableTable(f"{path}: {lie}; refused unread")
    reason = bomb_reason(source, size, metadata)
    if reason is not None:
        check = "unreadable-table" if reason == PAGE_HEADERS_UNREAD else "decompression-bomb"
        raise UnreadableTable(f"{path}: {reason}; refused unread", check)


PAGE_HEADERS_UNREAD = ("a page header cannot be read as Arrow's Thrift reader reads it, so nothing bounds what its "
                       "pages decode to (the footer's counts are the writer's word)")
"""Why a part whose page headers the guard cannot read is refused (attack68): believing the footer
then let 671 bytes decode to 276 MB; Arrow's own read of truly broken headers fails anyway."""


def bomb_reason(source, size: int, metadata) -> str | None:
    """Why a Parquet file of `size` bytes would decode to over MAX_EXPANSION times its size (and
    over BOMB_FLOOR), or None: validate refuses it, verify and load too (manifest_checks).

    The footer gives a floor before any page is read: every value at least 8 bytes (10^7 rows in
    370 KB). A dictionary page repeated by index escapes it: one megabyte value in 1,000 rows is a
    gigabyte spelt out, from a file of 50 KB whose pages decompress to 10 MB (attack21). Where the
    footer allows that much (values times their column chunk's decompressed size over the floor),
    the dictionaries are read as dictionaries and the values counted without spelling them out;
    the file is a bomb when that is over MAX_EXPANSION times both the file and its pages'
    decompressed size. Plain pages are not judged by their decompressed size: the footer states
    it, and a huge repetitive text compresses as well as a bomb (the benchmarks' 1 GB article)."""
    pages_read = chunk_pages(source, metadata)
    if pages_read is None:
        return PAGE_HEADERS_UNREAD
    understated = _footer_understates(metadata, pages_read)
    if understated is not None:
        return understated
    rows, values = footer_rows(metadata), _footer_values(metadata)
    floor = _decoded_floor(metadata)
    if _explodes(floor, size):
        return (f"{report.counted(rows, 'row')} ({report.counted(values, 'value')} in {report.counted(metadata.num_columns, 'column')}) in {report.counted(size, 'byte')} would decode to at "
                f"least {floor >> 20} MB, over {MAX_EXPANSION} times the file (a decompression bomb)")
    pages = sum(p.uncompressed for p in pages_read)
    spelt = dictionary_text_bytes(source, metadata, pages)
    if spelt is not None and _explodes(spelt, max(size, pages)):
        return (f"{report.counted(rows, 'row')} of dictionary-encoded text in {report.counted(size, 'byte')} (pages of {pages >> 20} MB decompressed) would "
                f"decode to {spelt >> 20} MB, over {MAX_EXPANSION} times both (a decompression bomb)")
    return None


def _footer_understates(metadata, pages_read) -> str | None:
    """Why the footer's counts cannot bound what is decoded, or None: a column chunk stating fewer
    values, or fewer decompressed bytes, than its page headers (which Arrow decodes by; attack23:
    a footer stating 1 value for a list of 5*10^7 passed the floor). A footer stating more only
    makes the guard stricter, and the guard then weighs the pages' own sizes."""
    chunks = (metadata.row_group(i).column(j) for i in range(metadata.num_row_groups) for j in range(metadata.num_columns))
    for chunk, pages in zip(chunks, pages_read):
        for what, stated, held in (("values", chunk.num_values, pages.values),
                                   ("decompressed bytes", chunk.total_uncompressed_size, pages.uncompressed)):
            if stated < held:
                return (f"column {chunk.path_in_schema}: the footer states {stated} {what} where its page headers hold "
                        f"{held} (a footer understating its pages would hide a decompression bomb)")
    return None


def _footer_values(metadata) -> int:
    return sum(chunk.num_values for chunk in _chunks(metadata))


def _decoded_floor(metadata) -> int:
    """At least what the footer's values decode to: 8 bytes each, a fixed-width binary value its
    width. Values, not rows: one row may hold a list of 10^8 values (a 915-byte file decoding to
    400 MB), and a fixed-width value of a megabyte held once in a dictionary is a megabyte a row
    (attack22). Never below rows x columns, which the first floor counted."""
    widths = [max(MIN_DECODED_BYTES_PER_VALUE, metadata.schema.column(j).length or 0)
              if metadata.schema.column(j).physical_type == "FIXED_LEN_BYTE_ARRAY" else MIN_DECODED_BYTES_PER_VALUE
              for j in range(metadata.num_columns)]
    floor = 0
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        for j in range(group.num_columns):
            floor += max(group.column(j).num_values, group.num_rows) * widths[j]
    return floor


def _explodes(decoded: int, size: int) -> bool:
    return decoded > BOMB_FLOOR and decoded > MAX_EXPANSION * max(size, 1)


def _chunks(metadata):
    for i in range(metadata.num_row_groups):
        group = metadata.row_group(i)
        for j in range(group.num_columns):
            yield group.column(j)


def _uncompressed_bytes(metadata) -> int:
    """The pages' decompressed size, as the footer states it (what decompressing them allocates)."""
    return sum(chunk.total_uncompressed_size for chunk in _chunks(metadata))


def dictionary_text_bytes(source, metadata, pages: int | None = None) -> int | None:
    """The bytes the dictionary-encoded byte-array values decode to, counted on their dictionaries,
    or None when the footer bounds them under BOMB_FLOOR (each value at most its column chunk's
    decompressed size): the gold and ordinary tables are not read twice."""
    leaves, bound = set(), 0
    for chunk in _chunks(metadata):
        if chunk.physical_type == "BYTE_ARRAY" and chunk.has_dictionary_page:
            leaves.add(chunk.path_in_schema)
            bound += chunk.num_values * chunk.total_uncompressed_size
    if bound <= BOMB_FLOOR:
        return None
    total = 0
    with pq.ParquetFile(pyarrow.BufferReader(source) if isinstance(source, bytes) else source,
                        read_dictionary=sorted(leaves)) as handle:
        names = sorted({f.name for f in handle.schema_arrow
                        if any(leaf == f.name or leaf.startswith(f"{f.name}.") for leaf in leaves)})
        pages = _uncompressed_bytes(metadata) if pages is None else pages
        if _dictionary_bound(handle, metadata, names) <= MAX_EXPANSION * max(pages, 1):
            return None  # cannot explode: the exact count below is not needed
        for i in range(metadata.num_row_groups):  # one row group at a time: Arrow reads nested dictionaries so only
            table = handle.read_row_group(i, columns=names)
            total += sum(_spelt_bytes(chunk) for column in table.columns for chunk in column.chunks)
    return total


def unused_undecodable_entry(source, metadata, table: pyarrow.Table) -> str | None:
    """Where a string column's dictionary page holds bytes that are not UTF-8 in an entry no row
    uses, or None. Arrow decodes the rows through the dictionary and never looks at the other
    entries, so validate's UTF-8 check (on the values) passed them, while DuckDB and polars refuse
    the whole file for them and pyarrow's `read_dictionary=` raises (attack62). An entry a row uses
    is left to that check (`invalid-utf8`, a finding). Read as `_dictionary_bound` reads the
    dictionaries: the first row of each row group, dictionary-encoded."""
    leaves = sorted({chunk.path_in_schema for chunk in _chunks(metadata)
                     if chunk.physical_type == "BYTE_ARRAY" and chunk.has_dictionary_page})
    if not leaves:
        return None
    with pq.ParquetFile(pyarrow.BufferReader(source) if isinstance(source, (bytes, pyarrow.Buffer)) else source,
                        read_dictionary=leaves) as handle:
        # by place, not name: two columns of one name are read (and reported as duplicate-column)
        places = [i for i, f in enumerate(handle.schema_arrow) if any(leaf == f.name or leaf.startswith(f"{f.name}.") for leaf in leaves)]
        for group in range(metadata.num_row_groups):
            first = next(handle.iter_batches(batch_size=1, row_groups=[group]), None)
            for place in [] if first is None else places:
                for dictionary in _dictionaries(first.column(place)):
                    bad = _undecodable_entries(dictionary)
                    if bad and not _all_used(table.column(place), bad):
                        name = table.schema.field(place).name
                        return (f"row group {group}, column {name}: its dictionary page holds {report.counted(len(bad), 'entry')} "
                                f"of bytes that are not UTF-8 ({bad[0][:40]!r}) that no row uses; Arrow reads past it, "
                                "DuckDB and polars refuse the file")
    return None


def _dictionaries(array) -> list:
    """The dictionaries of a column read dictionary-encoded (a list's items' too)."""
    if isinstance(array, pyarrow.ExtensionArray):
        array = array.storage
    if pyarrow.types.is_dictionary(array.type):
        return [array.dictionary] if _is_text(array.type.value_type) else []
    return [found for child in _child_arrays(array) for found in _dictionaries(child)]


def _undecodable_entries(dictionary) -> list[bytes]:
    try:
        dictionary.validate(full=True)  # Arrow's own UTF-8 check, in C++: a sound dictionary costs no Python loop
        return []
    except pyarrow.ArrowInvalid:
        pass
    entries = dictionary.cast(pyarrow.binary()).to_pylist()
    bad = []
    for entry in entries:
        try:
            entry.decode("utf-8")
        except (UnicodeDecodeError, AttributeError):
            if entry is not None:
                bad.append(entry)
    return bad


def _all_used(column: pyarrow.ChunkedArray, entries: list[bytes]) -> bool:
    """Whether the decoded column holds every one of `entries` (its values, or a list's items)."""
    import pyarrow.compute as pc

    values = column
    while pyarrow.types.is_list(values.type) or pyarrow.types.is_large_list(values.type):
        values = pc.list_flatten(values)
    held = set(pc.unique(values.cast(pyarrow.binary())).to_pylist())
    return all(entry in held for entry in entries)


def _dictionary_bound(handle, metadata, names: list[str]) -> int:
    """An upper bound of what the dictionary-encoded columns decode to, from their dictionaries
    alone: each value at most its leaf's longest dictionary value, plus the pages' own bytes
    (a chunk that fell back to plain pages holds those values spelt out). The dictionaries come
    with the first row of each row group (one data page read, not the column), so a corpus of
    10^6 quote rows is bounded in milliseconds instead of counted in seconds (the count read every
    dictionary-encoded column again: 3.3 CPU-s at 10^6, review of attack21). Only when the bound
    allows an explosion is the exact count made.

    Each leaf is bounded by its own dictionary, found by its place among the file's leaves (not by
    its path, which a column named `quote_id.x` shares with `quote_id`'s), and a leaf whose first
    row brought no dictionary (a list opening on an empty list or a null: Arrow then hands none)
    by its column chunk's whole decompressed size (attack22)."""
    owners = _leaf_owners(handle.schema_arrow, metadata.num_columns)
    bound = 0
    for i in range(metadata.num_row_groups):
        first = next(handle.iter_batches(batch_size=1, row_groups=[i], columns=names), None)
        longest = {} if first is None else {name: _leaf_longest(first.column(name)) for name in names}
        group = metadata.row_group(i)
        for j in range(group.num_columns):
            chunk = group.column(j)
            if chunk.physical_type == "BYTE_ARRAY" and chunk.has_dictionary_page:
                value = None
                if owners is not None and owners[j][0] in longest:
                    name, place = owners[j]
                    leaves = longest[name]
                    value = leaves[place] if place < len(leaves) else None
                if not value:
                    value = chunk.total_uncompressed_size
                bound += chunk.num_values * value + chunk.total_uncompressed_size
    return bound


def _leaf_owners(schema: pyarrow.Schema, leaves: int) -> list[tuple[str, int]] | None:
    """For each of the file's leaf columns, in order, its top-level field's name and its place
    among that field's leaves; None when the Arrow schema's leaves are not the file's."""
    owners = []
    for field in schema:
        owners += [(field.name, place) for place in range(_leaf_count(field.type))]
    return owners if len(owners) == leaves else None


def _children(kind) -> list:
    """The types under a nested type, in the order Parquet stores their leaves."""
    if pyarrow.types.is_map(kind):
        return [kind.key_type, kind.item_type]
    if pyarrow.types.is_list(kind) or pyarrow.types.is_large_list(kind) or pyarrow.types.is_fixed_size_list(kind):
        return [kind.value_type]
    if pyarrow.types.is_struct(kind):
        return [kind.field(k).type for k in range(kind.num_fields)]
    return []


def _leaf_count(kind) -> int:
    if isinstance(kind, pyarrow.ExtensionType):
        kind = kind.storage_type
    children = _children(kind)
    return sum(_leaf_count(child) for child in children) if children else 1


def _child_arrays(array) -> list:
    kind = array.type
    if pyarrow.types.is_map(kind):
        return [array.keys, array.items]
    if pyarrow.types.is_list(kind) or pyarrow.types.is_large_list(kind) or pyarrow.types.is_fixed_size_list(kind):
        return [array.flatten()]
    if pyarrow.types.is_struct(kind):
        return array.flatten()
    return []


def _is_text(kind) -> bool:
    return pyarrow.types.is_binary(kind) or pyarrow.types.is_string(kind) \
        or pyarrow.types.is_large_binary(kind) or pyarrow.types.is_large_string(kind)


def _leaf_longest(array) -> list[int | None]:
    """The longest value of each leaf's dictionary, leaf by leaf (None: no dictionary, or an empty one)."""
    import pyarrow.compute as pc

    if isinstance(array, pyarrow.ExtensionArray):
        array = array.storage
    kind = array.type
    if pyarrow.types.is_dictionary(kind):
        if not len(array.dictionary) or not _is_text(kind.value_type):
            return [None]
        return [pc.max(pc.binary_length(array.dictionary)).as_py() or None]
    children = _child_arrays(array)
    if not children:
        return [None]
    return [value for child in children for value in _leaf_longest(child)]


def _spelt_bytes(array) -> int:
    """What an array holding dictionaries (at any depth of lists, maps and structs) is once spelt out."""
    import pyarrow.compute as pc

    if isinstance(array, pyarrow.ExtensionArray):
        array = array.storage
    kind = array.type
    if pyarrow.types.is_dictionary(kind):
        value = pc.sum(pc.take(pc.binary_length(array.dictionary), array.indices)).as_py() \
            if _is_text(kind.value_type) else 0
        return value or 0
    return sum(_spelt_bytes(child) for child in _child_arrays(array))


def read_part_schema(path: Path) -> pyarrow.Schema:
    """One Parquet file's schema, or UnreadableTable naming it, in one line."""
    try:
        if path.stat().st_size == 0:
            raise UnreadableTable(f"{path}: file is 0 bytes, not a Parquet file")
        return pq.read_schema(path)
    except UnreadableTable:
        raise
    except (pyarrow.ArrowException, OSError, ValueError, IndexError, KeyError, TypeError, MemoryError) as exc:
        raise_if_exhausted(exc, str(path))  # the process's failure, not the file's (attack24)
        raise _unreadable(path, exc) from exc


def read_parts(table_dir: Path, hashed=None) -> list[tuple[Path, pyarrow.Table]]:
    """Every part of one table folder with its data, in file-name order. `hashed` (a release's
    `release_check.Hashed`): each part parsed from the bytes its judge hashed, not read again."""
    refused = refused_table(table_dir)  # gone, a file or a dangling link: as validate says it (attack45)
    if refused is not None:
        raise refused
    files = table_files(table_dir)  # listed again: parts gone since the look leave a missing table (concat_parts)
    if hashed is None:
        return [(path, read_part(path)) for path in files]
    return [(path, read_part(path, hashed.bytes_of(path))) for path in files]


def refused_folder(table_dir: Path) -> UnreadableTable | None:
    """Why a table folder is refused before any part is read (an entry that cannot be opened, no
    part at all), or None: `validate --engine` asks it of the real folder, its tasks seeing links."""
    try:
        os.listdir(table_dir)  # (glob says nothing of a folder it may not list: "no .parquet file", attack24)
    except OSError as exc:
        return UnreadableTable(f"{table_dir}: the folder cannot be listed ({exc.strerror or exc}); nothing was judged")
    broken = _unreadable_parts(table_dir)
    if broken:
        return UnreadableTable(f"{broken[0]}: cannot be opened (dangling symlink, symlink loop or not a regular file)")
    if not table_files(table_dir):  # a table with no part is a missing table, as a missing folder is (newuser43)
        return no_part(table_dir)
    return None


def one_level_too_deep(path: Path, tables) -> str:
    """What to pass instead when `path` is one table's folder or a Parquet file in one (`mycopy/quotes`,
    `mycopy/quotes/quotes.parquet`), said after a folder of tables was looked for in vain; else ""
    (newuser48: the line had named what was missing, not what to pass)."""
    names = {spec.name for spec in tables}
    folder = path.parent if path.suffix == ".parquet" and path.is_file() else path
    if folder.name in names and folder.is_dir():
        return f"; {folder} is one table's folder: pass the folder that holds the table folders ({folder.parent})"
    return ""


def not_a_folder(table_dir: Path) -> UnreadableTable:
    """A table's path that is there but no folder: unreadable input, never a missing table."""
    return UnreadableTable(f"{table_dir}: not a folder (a file, a dangling symlink or a symlink loop)")


def refused_table(table_dir: Path) -> UnreadableTable | None:
    """Why a table's folder gives no table, as validate words it, or None: not there, or holding no
    part, is a missing table (`missing-table`); a file, a dangling link, a folder that cannot be
    listed or a part that cannot be opened is unreadable (attack45: render and diff had taken the
    last three for a missing table, drawn empty or "removed", where validate refuses them)."""
    if not os.path.lexists(table_dir):
        return UnreadableTable(f"no folder {table_dir}", "missing-table")
    if not table_dir.is_dir():
        return not_a_folder(table_dir)
    return refused_folder(table_dir)


def no_part(table_dir: Path) -> UnreadableTable:
    """A table folder holding no part: a missing table (newuser43), however it was found so."""
    return UnreadableTable(f"{table_dir}: no .parquet file", "missing-table")


def concat_parts(table_dir: Path, parts: list[pyarrow.Table]) -> pyarrow.Table:
    """The parts as one table; parts whose columns differ cannot be one table, and no part is no
    table (a folder emptied after its look: it was `files have different schemas`, attack45)."""
    if not parts:
        raise no_part(table_dir)
    try:
        return pyarrow.concat_tables(parts, promote_options="none")
    except pyarrow.ArrowException as exc:
        raise UnreadableTable(f"{table_dir}: files have different schemas ({exc})") from exc


def read_arrow(table_dir: Path) -> pyarrow.Table:
    """All Parquet files of one table folder, concatenated in file-name order."""
    return concat_parts(table_dir, [table for _, table in read_parts(table_dir)])


def landstrikes_metadata(schema: pyarrow.Schema) -> dict[str, str]:
    """landstrikes key-value metadata of one file (dataset version, schema version, table, source);
    bytes that are not UTF-8 are shown with U+FFFD rather than raising."""
    raw = schema.metadata or {}
    prefix = METADATA_PREFIX.encode()
    return {
        k[len(prefix):].decode("utf-8", "replace"): v.decode("utf-8", "replace")
        for k, v in raw.items()
        if k.startswith(prefix)
    }


def to_pandas(table: pyarrow.Table, arrow_lists: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Arrow -> pandas with the dtypes the schemas expect; list columns become lists of str.

    List columns named in `arrow_lists` stay Arrow (a zero-copy `pd.ArrowDtype` column): a
    Python list per row costs more than the rest of the conversion, and validate's checks read
    those columns as Arrow only (validate gives Pandera, which needs Python lists, a plain frame).
    pandas is imported here, not with the module: reading and writing Arrow (build's Parquet,
    verify, diff, stats) never needs it."""
    import pandas as pd

    lists = [f.name for f in table.schema if pyarrow.types.is_list(f.type)]
    pandas_types = {pyarrow.int64(): pd.Int64Dtype(), pyarrow.bool_(): pd.BooleanDtype()}
    df = table.drop_columns(lists).to_pandas(types_mapper=pandas_types.get)
    for name in lists:
        column = table.column(name).cast(pyarrow.list_(pyarrow.string()))
        if name in arrow_lists:
            values = pd.arrays.ArrowExtensionArray(column)
        else:  # Python lists of str (None for null) straight from Arrow, not via numpy object arrays
            values = column.to_pylist()
        df.insert(table.schema.get_field_index(name), name, pd.Series(values, index=df.index, dtype=None if name in arrow_lists else object))
    return df


def read_table(table_dir: Path) -> pd.DataFrame:
    """One table as a pandas frame; UnreadableTable (`duplicate-column`) when two columns share a
    name: a frame's records keep one of them silently (render and agreement drew from either)."""
    table = read_arrow(table_dir)
    refuse_duplicate_columns(table_dir, table)
    return to_pandas(table)


def refuse_duplicate_columns(table_dir: Path, table: pyarrow.Table) -> None:
    """UnreadableTable (`duplicate-column`) when two columns share a name."""
    names = table.column_names
    doubled = sorted({name for name in names if names.count(name) > 1})
    if doubled:
        raise UnreadableTable(f"{table_dir}: {names.count(doubled[0])} columns are named {doubled[0]!r}", "duplicate-column")


def file_metadata(table_dir: Path) -> dict[str, str]:
    """landstrikes key-value metadata of the first file (dataset version, schema version, table)."""
    files = table_files(table_dir)
    if not files:
        return {}
    return landstrikes_metadata(pq.read_schema(files[0]))


def write_table(records: list[dict], spec: TableSpec, path: Path, metadata: dict[str, str]) -> None:
    """Write rows with the spec's explicit Arrow schema; same rows give the same bytes."""
    schema = spec.arrow_schema()
    # Label columns stay plain strings here; the dataset card declares them ClassLabel.
    meta = {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in sorted(metadata.items())}
    columns = {c: [r[c] for r in records] for c in spec.column_names}
    table = pyarrow.table(columns, schema=schema).replace_schema_metadata(meta).combine_chunks()
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(
        table,
        path,
        compression="zstd",
        write_statistics=True,
        use_dictionary=True,
        store_schema=True,
    )
