"""The silver entity catalogue: per-article entity evidence merged across the corpus.

Each worker merges its own chunk's evidence as the articles come (`ChunkEvidence`: one row per
entity of the chunk, holding mention counts per name and per type, so nothing the final merge
needs is lost) and writes it with a hash bucket of the entity id. The main process then merges
these partial rows one range of buckets at a time (filtered in Arrow), so it holds at most about
PASS_ROWS of them however large the corpus is, and its work grows with the distinct entities of
each chunk, not with every article's evidence. `merge_evidence` is the definition: merging the
partial rows of any split of the evidence gives its rows (tests/test_extract_overhead.py).
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc as ipc

from landstrikes.extract.article import EVIDENCE_FIELDS  # noqa: F401 (re-exported: the order of merge_evidence's tuples)
from landstrikes.extract.shard import arrow_call
from landstrikes.errors import naming

EVIDENCE_SCHEMA = pa.schema(
    [
        ("entity_id", pa.string()),
        ("name", pa.string()),
        ("type", pa.string()),
        ("mentions", pa.int64()),
        ("confidence", pa.float64()),
        ("aliases", pa.list_(pa.string())),
        ("bucket", pa.int32()),
    ]
)
"""One article's evidence for one entity (the `entity_rows` of `extract_records`, EVIDENCE_FIELDS)."""
PARTIAL_SCHEMA = pa.schema(
    [
        ("entity_id", pa.string()),
        ("names", pa.list_(pa.string())),
        ("name_mentions", pa.list_(pa.int64())),
        ("types", pa.list_(pa.string())),
        ("type_mentions", pa.list_(pa.int64())),
        ("mentions", pa.int64()),
        ("confidence", pa.float64()),
        ("articles", pa.int64()),
        ("aliases", pa.list_(pa.string())),
        ("bucket", pa.int32()),
    ]
)
"""One chunk's evidence for one entity, merged: what a worker writes and the main process reads."""
PARTIAL_FIELDS = tuple(PARTIAL_SCHEMA.names[:-1])
BUCKETS = 4096
PASS_ROWS = 40_000
"""Evidence rows (article x entity) merged per pass, at most: bounds the main process's memory."""


def bucket(entity_id: str) -> int:
    return zlib.crc32(entity_id.encode("utf-8")) % BUCKETS


class Merged:
    """Entities being merged: per entity [names {name: mentions}, types {type: mentions},
    mentions, best confidence, articles, aliases {alias: None}]. (Aliases in a dict, not a set: a
    dict of strings is not tracked by the garbage collector, and a chunk holds one per entity.)"""

    def __init__(self):
        self.entities: dict[str, list] = {}

    def add_evidence(self, key: str, name: str, type_: str, n: int, confidence: float, aliases) -> None:
        """One article's evidence for one entity."""
        e = self.entities.get(key)
        if e is None:
            e = self.entities[key] = [{}, {}, 0, confidence, 0, {}]
        names, types = e[0], e[1]
        names[name] = names.get(name, 0) + n
        types[type_] = types.get(type_, 0) + n
        e[2] += n
        if confidence > e[3]:
            e[3] = confidence
        e[4] += 1
        if aliases:
            e[5].update(dict.fromkeys(aliases))

    def add_rows(self, records: list[tuple]) -> None:
        """`extract_records`' entity_rows of one article, EVIDENCE_FIELDS tuples (`add_evidence`
        for each, written out here: a chunk merges tens of thousands of them, and a call per row
        costs as much as the merge itself; tests/test_extract_overhead.py holds the two equal)."""
        entities = self.entities
        for key, name, type_, n, confidence, aliases in records:
            e = entities.get(key)
            if e is None:
                entities[key] = [{name: n}, {type_: n}, n, confidence, 1, dict.fromkeys(aliases)]
                continue
            names, types = e[0], e[1]
            names[name] = names.get(name, 0) + n
            types[type_] = types.get(type_, 0) + n
            e[2] += n
            if confidence > e[3]:
                e[3] = confidence
            e[4] += 1
            if aliases:
                e[5].update(dict.fromkeys(aliases))

    def add_partial(self, key, names, name_mentions, types, type_mentions, mentions, confidence, articles, aliases) -> None:
        """A chunk's merged evidence for one entity (a PARTIAL_SCHEMA row)."""
        e = self.entities.get(key)
        if e is None:  # (a partial's names and types are distinct: each came from a dict)
            self.entities[key] = [dict(zip(names, name_mentions)), dict(zip(types, type_mentions)), mentions, confidence,
                                  articles, dict.fromkeys(aliases) if aliases else {}]
            return
        known = e[0]
        for name, n in zip(names, name_mentions):
            known[name] = known.get(name, 0) + n
        known = e[1]
        for type_, n in zip(types, type_mentions):
            known[type_] = known.get(type_, 0) + n
        e[2] += mentions
        if confidence > e[3]:
            e[3] = confidence
        e[4] += articles
        if aliases:
            e[5].update(dict.fromkeys(aliases))

    def partial_table(self) -> pa.Table:
        """The entities as PARTIAL_SCHEMA rows (in the order they were first seen)."""
        keys = list(self.entities)
        merged = list(self.entities.values())
        columns = {
            "entity_id": keys,
            "names": [list(e[0]) for e in merged],
            "name_mentions": [list(e[0].values()) for e in merged],
            "types": [list(e[1]) for e in merged],
            "type_mentions": [list(e[1].values()) for e in merged],
            "mentions": [e[2] for e in merged],
            "confidence": [e[3] for e in merged],
            "articles": [e[4] for e in merged],
            "aliases": [sorted(e[5]) for e in merged],  # (sorted: an entity of one partial is written as read, entity_shards.py)
            "bucket": [bucket(k) for k in keys],
        }
        return pa.table(columns, schema=PARTIAL_SCHEMA)

    def rows(self) -> list[dict]:
        """One row per entity, sorted by entity_id: the name and the type with the most mentions
        (ties: the smallest), mention and article counts, best confidence, distinct aliases."""
        out = []
        entities = self.entities
        for key in sorted(entities):
            names, types, mentions, confidence, count, aliases = entities[key]
            name = next(iter(names)) if len(names) == 1 else min(names.items(), key=_most_then_smallest)[0]
            type_, type_mentions = next(iter(types.items())) if len(types) == 1 else min(types.items(), key=_most_then_smallest)
            out.append({"entity_id": key, "name": name, "type": type_, "mentions_sum": mentions,
                        "confidence_max": confidence, "entity_id_count": count,
                        "type_mentions": type_mentions, "alias_distinct": aliases})
        return out


def _most_then_smallest(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def merge_evidence(rows: list[tuple]) -> list[dict]:
    """The catalogue of evidence rows (EVIDENCE_FIELDS tuples): the definition every faster form
    is tested against.

    Plain dicts, not an Arrow group-by: Arrow's group-by and joins load its query engine, which
    imports pandas (a third of a CPU-second per process). tests/test_extract_speed_rules.py
    proves it equal to the Arrow group-by it replaced."""
    merged = Merged()
    for row in rows:  # (extract_article writes no null count or confidence)
        merged.add_evidence(*row)
    return merged.rows()


EVIDENCE_SUFFIX = ".arrow"
"""A chunk's partial rows are an Arrow IPC file: a temporary file between a worker and the main
process, read twice, so Parquet's encoding and compression would be pure cost (~0.04 CPU-s per
2,000 articles)."""


def evidence_path(folder: Path, index: int) -> Path:
    return folder / f"evidence-{index:09d}{EVIDENCE_SUFFIX}"


def read_partials(path: Path) -> pa.Table:
    with pa.OSFile(str(path), "rb") as source:  # (read into memory: no mapping outlives the file)
        return ipc.open_file(source).read_all()


class ChunkEvidence(Merged):
    """A worker's chunk of evidence, held as its articles come and merged when the chunk is
    written, as one partial file."""

    def __init__(self):
        super().__init__()
        self.held: list[tuple] = []

    def hold(self, records: list[tuple]) -> None:
        """One article's evidence (EVIDENCE_FIELDS records), kept to be merged after the chunk's
        last article: merged right after each article's rules ran (`add_rows`), the merge found
        its dicts out of the caches and cost two to three times as much (0.11 ms per synthetic
        article, docs/notes/extract-outside6.md). The records are kept as they come: the
        command's have their aliases as a tuple (`article._entity_rows`), so what is held has
        nothing the garbage collector must walk once collected (the aliases tuples are untracked
        by one collection, the records by the next) and the rules'
        collections inside the articles do not grow with the chunk (copying each record with its
        aliases as a tuple here cost 0.03 ms per synthetic article, docs/notes/extract-outside7.md).
        `write` merges them in order: the partial rows are `add_rows`' (tests/test_extract_outside6.py)."""
        self.held += records

    def write(self, path: Path) -> None:
        if self.held:
            self.add_rows(self.held)
            self.held = []
        path.parent.mkdir(parents=True, exist_ok=True)
        table = self.partial_table()
        with naming(path), ipc.new_file(str(path), table.schema) as writer:
            writer.write_table(table)


def _bucket_ranges(files: list[Path]):
    """[low, high) bucket ranges of at most about PASS_ROWS evidence rows each (a bucket is never
    split). A partial row stands for `articles` evidence rows, so the ranges, and the entities
    files, are the same however the articles were cut into chunks."""
    counts = [0] * BUCKETS
    for path in files:
        table = read_partials(path).select(["bucket", "articles"])
        for b, n in zip(table.column("bucket").to_pylist(), table.column("articles").to_pylist()):
            counts[b] += n
    low, rows = 0, 0
    for b in range(BUCKETS + 1):
        if b == BUCKETS or (rows and rows + counts[b] > PASS_ROWS):
            yield low, b
            low, rows = b, 0
        if b < BUCKETS:
            rows += counts[b]


def _partials_in(files: list[Path], low: int, high: int):
    """The partial rows (PARTIAL_FIELDS tuples) whose bucket is in [low, high), filtered in Arrow
    and read column by column (no dict per row)."""
    for table in _tables_in(files, low, high):
        columns = table.to_pydict()
        yield from zip(*(columns[name] for name in PARTIAL_FIELDS))


def _tables_in(files: list[Path], low: int, high: int):
    """Each file's partial rows whose bucket is in [low, high), as an Arrow table."""
    for path in files:
        table = read_partials(path)
        if (low, high) != (0, BUCKETS):
            buckets = table.column("bucket")
            # typed scalars: a bare int would be type-inferred, which imports pandas
            low_, high_ = pa.scalar(low, pa.int32()), pa.scalar(high, pa.int32())
            inside = arrow_call("and", [arrow_call("greater_equal", [buckets, low_]), arrow_call("less", [buckets, high_])])
            table = arrow_call("filter", [table, inside])
        yield table


def _merged_passes(folder: Path):
    """The evidence merged one range of buckets at a time: a Merged per pass."""
    for rows in _pass_partials(folder):
        merged = Merged()
        for row in rows:
            merged.add_partial(*row)
        yield merged


def merged_passes(folder: Path):
    """Merged catalogue rows, one list per range of buckets, each sorted by entity_id."""
    for merged in _merged_passes(folder):
        yield merged.rows()


ENTITY_FIELDS = ("entity_id", "name", "type", "aliases", "description", "flag", "flag_note", "source", "confidence")
"""The order of `catalogue_records`' values: the entities table's columns."""


def catalogue_rows(folder: Path, source: str):
    """Entity rows, one list per merge pass (bucket range), sorted by entity_id: `entity_row` of
    each of `merged_passes`' rows (tests/test_extract_outside.py holds the two equal), as dicts
    named after the columns: `catalogue_records`, named."""
    for records in catalogue_records(folder, source):
        yield [dict(zip(ENTITY_FIELDS, r)) for r in records]


def catalogue_records(folder: Path, source: str):
    """`catalogue_rows` as records (tuples in ENTITY_FIELDS order): the definition of what the command
    writes (it writes `entity_shards`, held equal to these by tests/test_extract_outside7.py). An
    entity in one chunk's partial only (most of them) is read off its partial row as it is (its
    names, types and aliases are distinct there), without the dicts
    `Merged.add_partial` builds to add further partials to it; one in several is merged as before
    (tests/test_extract_outside6.py holds both to `entity_row` of `merged_passes`)."""
    for rows in _pass_partials(folder):
        yield records_of_partials(rows, source)


def records_of_partials(rows, source: str) -> list[tuple]:
    """The entities records (ENTITY_FIELDS tuples, sorted by entity_id) of every entity whose
    partial rows (PARTIAL_FIELDS tuples) are all among `rows`."""
    first: dict[str, tuple] = {}
    merged = Merged()
    more = merged.entities
    for row in rows:
        key = row[0]
        if key in more:
            merged.add_partial(*row)
        elif key in first:
            merged.add_partial(*first[key])
            merged.add_partial(*row)
        else:
            first[key] = row
    out = []
    for key in sorted(first):
        e = more.get(key)
        if e is None:
            _, names, name_mentions, types, type_mentions, mentions, confidence, count, aliases = first[key]
            name = names[0] if len(names) == 1 else min(zip(names, name_mentions), key=_most_then_smallest)[0]
            type_, type_n = (types[0], type_mentions[0]) if len(types) == 1 else min(zip(types, type_mentions), key=_most_then_smallest)
            aliases = sorted(aliases) if aliases else []
        else:
            names, types, mentions, confidence, count, aliases = e
            name = next(iter(names)) if len(names) == 1 else min(names.items(), key=_most_then_smallest)[0]
            type_, type_n = next(iter(types.items())) if len(types) == 1 else min(types.items(), key=_most_then_smallest)
            aliases = sorted(aliases)
        out.append((key, name, type_, aliases, f"auto: {type_} named in {count} article(s)", "none", None, source,
                    round(confidence * type_n / max(1, mentions), 4)))
    return out


def _pass_partials(folder: Path):
    """The partial rows (PARTIAL_FIELDS tuples) of each merge pass, a list per range of buckets."""
    files = sorted(folder.glob(f"*{EVIDENCE_SUFFIX}")) if folder.exists() else []
    if not files:
        return
    for low, high in _bucket_ranges(files):
        yield [row for row in _partials_in(files, low, high)]


def pass_tables(folder: Path):
    """The partial rows of each merge pass as one Arrow table (PARTIAL_SCHEMA) per range of buckets."""
    files = sorted(folder.glob(f"*{EVIDENCE_SUFFIX}")) if folder.exists() else []
    if not files:
        return
    for low, high in _bucket_ranges(files):
        yield pa.concat_tables(list(_tables_in(files, low, high)))


def entity_row(r: dict, source: str) -> dict:
    """The `entities` row of one merged catalogue row (`Merged.rows`): the definition."""
    return {
        "entity_id": r["entity_id"],
        "name": r["name"],
        "type": r["type"],
        "aliases": sorted(r["alias_distinct"] or []),
        "description": f"auto: {r['type']} named in {r['entity_id_count']} article(s)",
        "flag": "none",
        "flag_note": None,
        "source": source,
        # the surest reading, discounted when articles disagree on the type
        "confidence": round(r["confidence_max"] * r["type_mentions"] / max(1, r["mentions_sum"]), 4),
    }
