"""What a Parquet file's pages state about themselves, read from their headers (attack23).

A column chunk's `num_values` and `total_uncompressed_size` in the footer are the writer's
summary; Arrow does not use them to decode. It decodes as many values as each page header states
and decompresses each page to its header's `uncompressed_page_size`. A footer rewritten to state 1
value for a list of 5*10^7 (a padded varint: not one byte moves) passed the bomb guard, whose
floor counted the footer's values, and Arrow then decoded 400 MB. So the guard reads the headers:
a few bytes a page, each found from the one before by its `compressed_page_size`; the pages
themselves are never read.

A PageHeader is Thrift's compact protocol: field 1 type, 2 uncompressed_page_size, 3
compressed_page_size, 5 a data page's header, 7 a dictionary page's, 8 a v2 data page's (the
first field of each of those three is its num_values). Every one of them is an i32.

The reader reads these bytes as Arrow's Thrift (C++) does, since a header it read otherwise
counted values Arrow does not decode, or none it does (attack68): a field byte whose type is 0 is
a stop whatever its upper bits; a field id is an i16 (65537 is field 1); an i32 is the low 32
bits of its varint; a field of another wire type than its definition is skipped; unknown
fields are skipped up to Thrift's 64 levels of nesting. What it still cannot read makes
`chunk_pages` None, which the guard refuses (tableio), never a reason to believe the footer.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass

_COUNTED = ("struct", {1: "i32"})
_PAGE_HEADER = {1: "i32", 2: "i32", 3: "i32", 5: _COUNTED, 7: _COUNTED, 8: _COUNTED}
"""The PageHeader fields read: type, both sizes, and the num_values of each kind of page's header."""
_DATA_PAGE_HEADERS_BY_TYPE = {0: 5, 3: 8}
"""PageType DATA_PAGE's header is field 5, DATA_PAGE_V2's field 8; a dictionary page (2), an
index page (1) or a type Arrow does not know adds no values to what it has seen."""
_ARROW_CHUNK_PADDING = 100
"""kMaxDictHeaderSize: the bytes Arrow reads past a column chunk's stated end when the file's
`created_by` is parquet-mr's before 1.2.9 (PARQUET-816)."""
_DEEPEST = 64
"""Thrift's default recursion limit (TProtocol's), which Arrow's reader keeps: structs nested
deeper are refused by Arrow, and up to it skipped (a page header of Arrow's own nests 3 deep)."""


class Malformed(ValueError):
    """Bytes that this reader cannot read as Thrift's compact protocol: the caller refuses the file."""


@dataclass(frozen=True)
class ChunkPages:
    """One column chunk as its page headers state it."""

    values: int  # values of its data pages (nulls and list levels included, as the footer counts them)
    uncompressed: int  # bytes its pages decompress to (dictionary page included, headers not)


class CompactReader:
    """Thrift's compact protocol as Arrow's C++ reader reads it, over `data[at:end]` (page headers here,
    the footer in `stated_statistics`)."""

    def __init__(self, data, at: int, end: int):
        self.data, self.at, self.end = data, at, end

    def byte(self) -> int:
        if self.at >= self.end:
            raise Malformed("a page header runs past its column chunk")
        value = self.data[self.at]
        self.at += 1
        return value

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7
            if shift > 70:
                raise Malformed("a varint longer than ten bytes")

    def integer(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def size(self) -> int:
        """A binary's or container's length as Thrift reads it: an i32 (low 32 bits), never negative."""
        n = self.varint() & 0xFFFFFFFF
        if n >= 1 << 31:
            raise Malformed("a negative length")
        return n

    def i32(self) -> int:
        """An i32 as Thrift reads it: the varint's low 32 bits, zigzag-decoded."""
        n = self.varint() & 0xFFFFFFFF
        return (n >> 1) ^ -(n & 1)

    def skip(self, kind: int, depth: int) -> None:
        if kind in (1, 2):  # a boolean held in the field header
            return
        if kind == 3:
            self.byte()
        elif kind in (4, 5, 6):
            self.varint()
        elif kind == 7:
            self.at += 8
        elif kind == 8:
            length = self.size()  # (read before `at` is: `at += varint()` added to the old `at`)
            self.at += length
        elif kind in (9, 10):
            element, size = self.list_head()
            for _ in range(size):
                self.element(element, depth)
        elif kind == 11:
            size = self.size()
            if size:
                kinds = self.byte()
                for _ in range(size):
                    self.element(kinds >> 4, depth)
                    self.element(kinds & 0x0F, depth)
        elif kind == 12:
            self.struct(depth + 1, {})
        else:
            raise Malformed(f"no Thrift type {kind}")
        if self.at > self.end:
            raise Malformed("a page header runs past its column chunk")

    def element(self, kind: int, depth: int) -> None:
        """One item of a list, set or map: a boolean there is a byte of its own, so every item
        moves on (a map of a huge count of booleans would otherwise loop without reading)."""
        if kind in (1, 2):
            self.byte()
        else:
            self.skip(kind, depth)

    def field(self, last: int) -> tuple[int, int]:
        """The next field's (wire type, id) after the field `last`; type 0 is the struct's stop,
        whatever the upper nibble holds (Thrift reads only the type)."""
        head = self.byte()
        kind, delta = head & 0x0F, head >> 4
        if kind == 0:
            return 0, last
        return kind, _i16(last + delta if delta else self.i32())

    def binary(self) -> bytes:
        length = self.size()
        if self.at + length > self.end:
            raise Malformed("a binary runs past its struct")
        value = bytes(self.data[self.at:self.at + length])
        self.at += length
        return value

    def list_head(self) -> tuple[int, int]:
        """A list's (element type, size)."""
        head = self.byte()
        return head & 0x0F, head >> 4 if head >> 4 != 15 else self.size()

    def struct(self, depth: int, spec: dict) -> dict:
        """The struct's fields named in `spec`, read as it says ("i32", "i64", "binary", ("struct",
        spec), ("list", spec): a list of structs); a field of another wire type than its spec says
        is skipped, as Thrift skips it, and so is every field `spec` does not name."""
        if depth > _DEEPEST:
            raise Malformed("a Thrift struct nests too deep")
        found, field = {}, 0
        while True:
            kind, field = self.field(field)
            if kind == 0:
                return found
            wanted = spec.get(field)
            if wanted == "i32" and kind == 5:
                found[field] = self.i32()
            elif wanted == "i64" and kind == 6:
                found[field] = self.integer()
            elif wanted == "binary" and kind == 8:
                found[field] = self.binary()
            elif isinstance(wanted, tuple) and wanted[0] == "struct" and kind == 12:
                found[field] = self.struct(depth + 1, wanted[1])
            elif isinstance(wanted, tuple) and wanted[0] == "list" and kind == 9:
                element, size = self.list_head()
                if element != 12:
                    raise Malformed("a list that holds no structs where structs are read")
                found[field] = [self.struct(depth + 1, wanted[1]) for _ in range(size)]
            else:
                self.skip(kind, depth)

def _i16(number: int) -> int:
    """A field id as Thrift holds it: an i16, wrapping."""
    return ((number + 0x8000) & 0xFFFF) - 0x8000


def chunk_pages(path, metadata) -> list[ChunkPages] | None:
    """Every column chunk of the file, row group by row group, as its page headers state it; None
    when a header cannot be read: nothing then bounds what the pages decode to, and the guard
    refuses the file (attack68: believing the footer then let a 671-byte file decode 276 MB).
    `path` may be the file's bytes, as read once and hashed (eco40)."""
    if isinstance(path, bytes):
        try:
            return [_chunk(path, metadata.row_group(i).column(j))
                    for i in range(metadata.num_row_groups) for j in range(metadata.num_columns)]
        except (Malformed, ValueError, TypeError):
            return None
    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return [_chunk(data, metadata.row_group(i).column(j))
                    for i in range(metadata.num_row_groups) for j in range(metadata.num_columns)]
    except (Malformed, ValueError, TypeError, OSError):  # TypeError: a source that is no path
        return None


def _chunk(data, chunk) -> ChunkPages:
    """The pages Arrow reads of one column chunk: from its first page, while the values seen are
    fewer than the footer's `num_values` (Arrow's page reader stops there), within the chunk's
    range and the 100 bytes past it that Arrow adds for files it takes for parquet-mr 1.2.8's
    (attack68: a footer stating a chunk of its dictionary page alone, `created_by` that writer's,
    hid a data page of 34,554,432 values from the guard; Arrow decoded it). Reading that far for
    every writer costs nothing: an honest chunk's values end at its last page."""
    start, dictionary = chunk.data_page_offset, chunk.dictionary_page_offset
    if chunk.has_dictionary_page and dictionary is not None and dictionary >= 4 and (dictionary < start or start < 4):
        start = dictionary  # (a chunk of no rows has a dictionary page only: its data page offset is 0)
    end = min(start + chunk.total_compressed_size + _ARROW_CHUNK_PADDING, len(data))
    if start < 0 or start >= end:
        raise Malformed("a column chunk outside the file")
    values = uncompressed = 0
    at = start
    while at < end and values < chunk.num_values:
        reader = CompactReader(data, at, end)
        header = reader.struct(0, _PAGE_HEADER)
        kind, size, body = header.get(1), header.get(2), header.get(3)
        if not all(isinstance(n, int) for n in (kind, size, body)) or size < 0 or body < 0:
            raise Malformed("a page header without its type or sizes")
        uncompressed += size
        counted = header.get(_DATA_PAGE_HEADERS_BY_TYPE.get(kind))  # Arrow reads the header its type names
        if isinstance(counted, dict) and isinstance(counted.get(1), int):
            values += max(counted[1], 0)
        at = reader.at + body
    return ChunkPages(values, uncompressed)
