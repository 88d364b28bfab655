"""Scaled synthetic copies of the corpus for benchmarks: same distributions, still valid.

`replicate(source, target, copies)` writes `copies` replicas of every article with all of its
annotation rows. Each replica gets a fresh article id (`<article_id>-<k>`); every id that
points into an article (`<article_id>:q:...`, speaker mentions, parent quotes, contradicted_by)
and every cluster id is rewritten to stay inside its replica, so foreign keys, derived ids,
spans, coverage, partitions and cluster rules all still hold. Row counts of every annotation
table grow by exactly `copies`; label and length distributions are those of the real tables.
Replicas are distinct texts, as real articles are: replica k turns the spaces at a few fixed
positions of each text into tabs, spelling k in binary (positions inside `body` segments and
outside every other span, so no span, word count, alias or quote mark changes; replica 0 is the
original), and every article `sha256` is the real digest of its text (validate compares them).
Identical replicas would let a check that caches by text look faster than it is.

`large_article(target, chars)` writes a valid one-article corpus whose text is `chars` code
points long, with astral characters before its spans (for the memory benchmark).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, read_table, table_files

GLOBAL_TABLES = ("entities", "stance_targets")
"""Catalogues shared by all articles: copied once, never replicated."""


def replica_suffixes(copies: int) -> pa.Array:
    width = len(str(copies - 1))
    return pa.array([f"-{k:0{width}d}" for k in range(copies)])


def _write(table: pa.Table, source_file: Path, target_dir: Path) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    metadata = pq.read_schema(source_file).metadata
    table = table.replace_schema_metadata(metadata).combine_chunks()
    pq.write_table(table, target_dir / source_file.name, compression="zstd", row_group_size=1 << 20)


def _article_scoped(column: pa.ChunkedArray, article_ids: set[str]) -> bool:
    """True when every non-null value (or list item) is an id inside some article."""
    values = pc.list_flatten(column) if pa.types.is_list(column.type) else column
    if not pa.types.is_string(values.type):
        return False
    values = pc.drop_null(values).unique().to_pylist()
    return bool(values) and all(v.split(":", 1)[0] in article_ids and ":" in v for v in values)


def _rewrite(values: pa.ChunkedArray, replica: np.ndarray, suffixes: pa.Array, scoped: bool) -> pa.Array:
    """Append the replica suffix to an article id (before its first ':') or to a cluster id."""
    if pa.types.is_list(values.type):
        values = values.combine_chunks()
        lengths = pc.fill_null(pc.list_value_length(values), 0).to_numpy(zero_copy_only=False)
        flat = pc.list_flatten(values)
        flat_replica = np.repeat(replica, lengths)
        rewritten = pa.chunked_array([_rewrite(pa.chunked_array([flat]), flat_replica, suffixes, scoped)])
        rewritten = rewritten.combine_chunks()
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
        return pa.ListArray.from_arrays(pa.array(offsets), rewritten, mask=pc.is_null(values))
    suffix = suffixes.take(pa.array(replica))
    if not scoped:
        return pc.binary_join_element_wise(values, suffix, "")
    parts = pc.extract_regex(values, r"^(?P<head>[^:]*)(?P<tail>.*)$")
    head, tail = pc.struct_field(parts, [0]), pc.struct_field(parts, [1])
    return pc.binary_join_element_wise(head, suffix, tail, "")


QUOTE_TABLES = ("articles", "quotes", "mentions", "mention_exclusions", "segments", "quality_flags")
"""What `copies` of the quotes need to stay valid: the articles they point into, the mentions
(speaker mentions, and every alias occurrence of a replicated text must be covered, M2), the
segments tiling each text (SG1) and the quality rows its article columns are derived from (AQ1).
Claims, claim clusters and stances are not needed by any quote and can stay at one copy."""


def replicate(source: Path, target: Path, copies: int, scaled: tuple[str, ...] | None = None) -> dict[str, int]:
    """Write `copies` replicas of the corpus in `source` (a dataset or data folder) to `target/data`.

    `scaled` limits replication to those tables (e.g. `QUOTE_TABLES`); every other
    article-scoped table keeps one copy, pointing into the first replica."""
    source = source / "data" if (source / "data").is_dir() else source
    out = target / "data"
    if out.exists():
        shutil.rmtree(out)
    suffixes = replica_suffixes(copies)
    article_ids = set(read_arrow(source / "articles").column("article_id").to_pylist())
    rows = {}
    for spec in TABLES:
        folder = source / spec.name
        table = read_arrow(folder)
        first = table_files(folder)[0]
        if spec.name in GLOBAL_TABLES:
            _write(table, first, out / spec.name)
            rows[spec.name] = table.num_rows
            continue
        n, k = table.num_rows, copies if scaled is None or spec.name in scaled else 1
        tiled = table.take(pa.array(np.tile(np.arange(n), k)))
        replica = np.repeat(np.arange(k), n)
        columns = {}
        for name in tiled.column_names:
            column = tiled.column(name)
            if name == "cluster_id":
                # a slug gets the suffix; a quote's own id as its cluster (a singleton, Q12) stays its
                # quote's id, as `id-not-slug` asks (attack14)
                own = pc.fill_null(pc.match_substring(column, ":"), False)
                columns[name] = pc.if_else(own, _rewrite(column, replica, suffixes, scoped=True),
                                           _rewrite(column, replica, suffixes, scoped=False))
            elif spec.name == "claim_clusters" and name == "proposition" and k > 1:
                # each replica's cluster is another cluster, so it states its own proposition (C7,
                # cluster-propositions-repeat); replica 0's gets a suffix too, as its id does
                columns[name] = _rewrite(column, replica, suffixes, scoped=False)
            elif name == "article_id" or _article_scoped(table.column(name), article_ids):
                columns[name] = _rewrite(column, replica, suffixes, scoped=True)
            else:
                columns[name] = column
        if spec.name == "articles":
            columns["source_file"] = pc.binary_join_element_wise(columns["article_id"], ".txt", "")
            texts = distinct_texts(source, table, k)
            columns["text"] = pa.array(texts, type=table.schema.field("text").type)
            columns["sha256"] = pa.array([hashlib.sha256(t.encode()).hexdigest() for t in texts])
        if spec.name == "segments":
            columns["text"] = _segment_texts(out / "articles", columns, table.schema.field("text").type)
        result = pa.table(columns, schema=table.schema)
        _write(result, first, out / spec.name)
        rows[spec.name] = result.num_rows
    return rows


MARK = "\t"
"""What a set bit of the replica number turns a space into: whitespace, so words stay words."""


def marked_positions(source: Path, articles: pa.Table, bits: int) -> list[list[int]]:
    """For each article, `bits` positions of a space inside a body segment and outside every
    other span (mentions, quotes and their cues, claims, flags, stances, exclusions)."""
    taken: dict[str, set[int]] = {a: set() for a in articles.column("article_id").to_pylist()}
    body: dict[str, list[tuple[int, int]]] = {a: [] for a in taken}
    for spec in TABLES:
        if not spec.span_columns:
            continue
        rows = read_arrow(source / spec.name).to_pylist()
        for row in rows:
            for start, end, _ in spec.span_columns:
                if row.get(start) is None or row["article_id"] not in taken:
                    continue
                if spec.name == "segments":
                    if row["kind"] == "body":
                        body[row["article_id"]].append((row[start], row[end]))
                else:
                    taken[row["article_id"]].update(range(row[start], row[end]))
    positions = []
    for article_id, text in zip(articles.column("article_id").to_pylist(), articles.column("text").to_pylist()):
        free = [p for s, e in sorted(body[article_id]) for p in range(s, e) if text[p] == " " and p not in taken[article_id]]
        if len(free) < bits:
            raise ValueError(f"{article_id}: {len(free)} free spaces, {bits} needed to tell the replicas apart")
        step = len(free) // bits
        positions.append([free[i * step] for i in range(bits)])
    return positions


def distinct_texts(source: Path, articles: pa.Table, copies: int) -> list[str]:
    """Every replica's text, replica by replica (the order `replicate` tiles the rows in)."""
    bits = max(1, (copies - 1).bit_length())
    originals = articles.column("text").to_pylist()
    positions = marked_positions(source, articles, bits)
    texts = []
    for k in range(copies):
        for text, places in zip(originals, positions):
            if k:
                chars = list(text)
                for bit, p in enumerate(places):
                    if k >> bit & 1:
                        chars[p] = MARK
                text = "".join(chars)
            texts.append(text)
    return texts


def _segment_texts(articles_folder: Path, columns: dict, text_type: pa.DataType) -> pa.Array:
    """Each segment's text cut from its (replica's) article text, which `replicate` wrote first."""
    articles = read_arrow(articles_folder)
    by_id = dict(zip(articles.column("article_id").to_pylist(), articles.column("text").to_pylist()))
    return pa.array(
        [by_id[a][s:e] for a, s, e in zip(columns["article_id"].to_pylist(), columns["start"].to_pylist(), columns["end"].to_pylist())],
        type=text_type,
    )


FILLER = "🜁 ∑\u0301 0123 · \r\n"
"""Prefix unit for the large article: an astral symbol (4 UTF-8 bytes, 2 UTF-16 units, one code
point), a combining mark, digits and CRLF; no letters (so no alias matches) and no quote marks."""

OFFSET_COLUMNS = tuple(sorted({column for spec in TABLES for start, end, _ in spec.span_columns for column in (start, end)}))
"""Every offset column of every table's spans (from the schema, so a new span column shifts too)."""


def large_article(source: Path, target: Path, chars: int, segment_chars: int = 1 << 20) -> dict[str, int]:
    """Copy the corpus to `target/data`, with its first article grown to about `chars` code
    points by a filler prefix; every span of that article shifts, ids are re-derived and
    references to them follow, and the prefix is covered by new `body` segments.

    Bounded memory: the grown text is built as UTF-8 bytes in one buffer (never a Python str,
    which would take up to 4 bytes per code point) and the new segments are zero-copy slices of
    it, so a 1 GB article costs about three times its size to write.
    """
    from landstrikes.schema.crosschecks import DERIVED_IDS

    source = source / "data" if (source / "data").is_dir() else source
    tables = {spec.name: read_table(source / spec.name) for spec in TABLES}
    articles = tables["articles"]
    article_id, text = articles.loc[0, "article_id"], articles.loc[0, "text"]
    units = max(1, (chars - len(text)) // len(FILLER))
    shift = units * len(FILLER)
    renamed: dict[str, str] = {}
    for name, df in tables.items():
        if "article_id" not in df or name == "articles":
            continue
        mine = df["article_id"] == article_id
        for column in OFFSET_COLUMNS:
            if column in df:
                df.loc[mine, column] = df.loc[mine, column] + shift
        if name in DERIVED_IDS:
            id_column = next(s.id_column for s in TABLES if s.name == name)
            new_ids = pd.Series(DERIVED_IDS[name](df).to_pylist(), index=df.index, dtype=df[id_column].dtype)
            renamed.update(zip(df.loc[mine, id_column], new_ids[mine]))
            df[id_column] = new_ids
    for name, df in tables.items():
        for column in df.columns:
            if column.endswith("_id") or column == "contradicted_by":
                df[column] = _rename(df[column], renamed)
    grown = _filled(units, text.encode())
    noise = articles.loc[0, "boilerplate_share"] * len(text)
    n_chars = shift + len(text)
    articles.loc[0, ["n_chars", "n_words", "sha256"]] = [
        n_chars, units * len(FILLER.split()) + len(text.split()), hashlib.sha256(grown).hexdigest()
    ]
    articles.loc[0, "boilerplate_share"] = round(noise / n_chars, 6)
    out = target / "data"
    if out.exists():
        shutil.rmtree(out)
    arrow = {spec.name: pa.Table.from_pandas(tables[spec.name], schema=spec.arrow_schema(), preserve_index=False) for spec in TABLES}
    others = arrow["articles"].column("text").slice(1).combine_chunks()
    grown_text = pa.array([grown], type=pa.binary()).cast(pa.string())
    arrow["articles"] = arrow["articles"].set_column(
        arrow["articles"].schema.get_field_index("text"), "text", pa.concat_arrays([grown_text, others])
    )
    arrow["segments"] = pa.concat_tables([_prefix_segments(arrow["segments"].schema, article_id, grown, shift, segment_chars), arrow["segments"]])
    del grown
    for spec in TABLES:
        _write(arrow[spec.name], table_files(source / spec.name)[0], out / spec.name)
    return {"article_chars": n_chars, "article_utf8_bytes": len(FILLER.encode()) * units + len(text.encode()), "prefix_chars": shift}


def _filled(units: int, tail: bytes) -> bytearray:
    """FILLER's UTF-8 `units` times, then `tail`, in one buffer filled by doubling copies."""
    unit = FILLER.encode()
    size = len(unit) * units
    buffer = bytearray(size + len(tail))
    buffer[: len(unit)] = unit
    done = len(unit)
    while done < size:
        step = min(done, size - done)
        buffer[done : done + step] = buffer[:step]
        done += step
    buffer[size:] = tail
    return buffer


def _prefix_segments(schema: pa.Schema, article_id: str, grown: bytearray, shift: int, segment_chars: int) -> pa.Table:
    """`body` segments tiling the filler prefix, their texts zero-copy slices of its bytes."""
    unit_chars, unit = len(FILLER), FILLER.encode()
    # on whole filler units: a segment opens with the unit's first character, never with the CRLF
    # that ends the unit before (SG1's blank run belongs to the segment before it, review15)
    bounds = list(range(0, shift, max(unit_chars, segment_chars - segment_chars % unit_chars))) + [shift]
    byte_at = [(c // unit_chars) * len(unit) + len(FILLER[: c % unit_chars].encode()) for c in bounds]
    data = pa.py_buffer(grown)
    text = pa.Array.from_buffers(pa.string(), len(bounds) - 1, [None, pa.array(byte_at, pa.int32()).buffers()[1], data])
    n = len(bounds) - 1
    columns = {
        "segment_id": [f"{article_id}:g:{a}-{b}" for a, b in zip(bounds, bounds[1:])],
        "article_id": [article_id] * n, "start": bounds[:-1], "end": bounds[1:], "text": text,
        "kind": ["body"] * n, "source": ["gold"] * n, "confidence": [None] * n,
    }
    return pa.table({f.name: pa.array(columns[f.name], f.type) if f.name != "text" else text for f in schema}, schema=schema)


def _rename(column: pd.Series, renamed: dict[str, str]) -> pd.Series:
    if column.dtype == object:
        return column.map(lambda v: v if v is None or isinstance(v, str) and v not in renamed else (
            renamed[v] if isinstance(v, str) else [renamed.get(x, x) for x in v]))
    return column.map(lambda v: renamed.get(v, v) if isinstance(v, str) else v)
