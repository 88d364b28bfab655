"""Per table: the Arrow conversion of a chunk's records, column by column, and Parquet writing
under other writer options (dictionary, statistics, compression level), on the records of one
chunk of RAW_FOLDER (computed once and cached in /tmp/o5). Run from the repository root:

    python docs/notes/outside5/tables.py RAW_FOLDER [--repeat 5]

Medians of --repeat, ms for the whole folder. The Parquet variants only measure: what extract
writes is decided in landstrikes.extract.shard.
"""
import gc
import io
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

from landstrikes.extract.nopandas import arrow_without_numpy, arrow_without_pandas

arrow_without_numpy()
arrow_without_pandas()
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from landstrikes.extract.article import ARTICLE_TABLES, extract_records  # noqa: E402
from landstrikes.extract.catalogue import ChunkEvidence  # noqa: E402
from landstrikes.extract.chunk import shard_metadata  # noqa: E402
from landstrikes.extract.shard import Columns, sorted_table  # noqa: E402
from landstrikes.schema.registry import TABLES_BY_NAME  # noqa: E402

cpu = time.process_time


def records_of(raw: Path) -> list[dict[str, list[tuple]]]:
    """Each article's records, in file order."""
    cache = Path("/tmp/o5") / f"records-{raw.name}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    articles = [extract_records(path.stem, path.read_text(encoding="utf-8"), path.name) for path in sorted(raw.glob("*.txt"), key=str)]
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(articles))
    return articles


def per_article_steps(articles, repeat):
    """The chunk loop's per-article steps on replayed records: rows handed to Columns (their Arrow
    batches included) and the evidence merge."""
    def keep():
        tables = {t: Columns(TABLES_BY_NAME[t]) for t in ARTICLE_TABLES}
        for records in articles:
            for t in ARTICLE_TABLES:
                tables[t].extend(records[t])
        return tables

    def merge():
        evidence = ChunkEvidence()
        for records in articles:
            evidence.add_rows(records["entity_rows"])
        return evidence

    evidence = merge()
    print(f"per article: rows into Columns (with their batches) {timed(keep, repeat):.1f}, "
          f"evidence merge {timed(merge, repeat):.1f} ({len(evidence.entities)} entities), "
          f"partial table {timed(evidence.partial_table, repeat):.1f}")


def timed(fn, repeat):
    spent = []
    for _ in range(repeat):
        t = cpu()
        fn()
        spent.append(cpu() - t)
    return 1000 * statistics.median(spent)


VARIANTS = {
    "as now (zstd, dict all, stats)": dict(compression="zstd", write_statistics=True, use_dictionary=True),
    "no compression": dict(compression="none", write_statistics=True, use_dictionary=True),
    "no dictionary": dict(compression="zstd", write_statistics=True, use_dictionary=False),
    "no statistics": dict(compression="zstd", write_statistics=False, use_dictionary=True),
    "zstd level 1": dict(compression="zstd", compression_level=1, write_statistics=True, use_dictionary=True),
    "zstd level -1": dict(compression="zstd", compression_level=-1, write_statistics=True, use_dictionary=True),
    "zstd level -5": dict(compression="zstd", compression_level=-5, write_statistics=True, use_dictionary=True),
    "lz4": dict(compression="lz4", write_statistics=True, use_dictionary=True),
    "snappy": dict(compression="snappy", write_statistics=True, use_dictionary=True),
    "none, no dict, no stats": dict(compression="none", write_statistics=False, use_dictionary=False),
}


def main() -> int:
    raw = Path(sys.argv[1])
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    articles = records_of(raw)
    tables = {t: [r for records in articles for r in records[t]] for t in ARTICLE_TABLES}
    gc.disable()
    print(f"{raw}: medians of {repeat}, ms (load {os.getloadavg()[0]:.1f})")
    per_article_steps(articles, repeat)
    totals: dict[str, float] = {}
    sizes_total: dict[str, int] = {}
    for name in ARTICLE_TABLES:
        records = tables[name]
        spec = TABLES_BY_NAME[name]
        schema = spec.arrow_schema()

        def convert():
            columns = Columns(spec)
            columns.extend(records)
            columns.table()

        def sort():
            columns = Columns(spec)
            columns.extend(records)
            return sorted_table(columns, shard_metadata(name))

        table = sort()
        conv = timed(convert, repeat)
        sort_ms = timed(sort, repeat) - conv
        print(f"{name}: {len(records)} rows; struct conversion {conv:.1f}, sort+take+combine {sort_ms:.1f}")
        per_column = []
        for i, field in enumerate(schema):
            values = [r[i] for r in records]
            per_column.append((timed(lambda: pa.array(values, type=field.type), repeat), field.name))
        per_column.sort(reverse=True)
        print("   columns alone: " + ", ".join(f"{c} {ms:.1f}" for ms, c in per_column[:6]))
        sizes = []
        for label, options in VARIANTS.items():
            def write():
                sink = io.BytesIO()
                pq.write_table(table, sink, store_schema=True, **options)
                return sink
            ms = timed(write, repeat)
            size = len(write().getvalue())
            totals[label] = totals.get(label, 0.0) + ms
            sizes_total[label] = sizes_total.get(label, 0) + size
            sizes.append(f"{label} {ms:.1f} ms {size // 1024} KiB")
        print("   parquet: " + "; ".join(sizes))
        per_column_dict = []
        for field in schema:
            def write_one(f=field.name):
                pq.write_table(table, io.BytesIO(), store_schema=True, compression="zstd", write_statistics=True,
                               use_dictionary=[c for c in schema.names if c != f])
            per_column_dict.append((timed(write_one, repeat), field.name))
        per_column_dict.sort()
        print("   parquet without dictionary on one column (fastest first): "
              + ", ".join(f"{c} {ms:.1f}" for ms, c in per_column_dict[:5]))
    print("parquet totals: " + "; ".join(f"{k} {v:.1f} ms {sizes_total[k] / 1e6:.2f} MB" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
