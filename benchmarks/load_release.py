"""`landstrikes.load(table)` against a bare pyarrow read of the same table, on a release bigger than gold.

    python benchmarks/load_release.py                        # 200 replicas, quotes and articles, 5 runs
    python benchmarks/load_release.py --copies 400 --tables quotes --repeats 7
    python benchmarks/load_release.py --root /tmp/big        # build the release there once, reuse it

The release is the gold corpus replicated `--copies` times (benchmarks/synthesize.py: distinct
texts, every rule still holding) and published into a temporary release root as `release` would
publish it: its tables, croissant.json, the dataset card, the released documents and a MANIFEST.json
over all of them (raw texts written beside it from the replicated articles). It must verify before
anything is timed. Each run alternates load and the floor, `pyarrow.parquet.read_table` of the
table's folder (its imports, and those of `datasets`, paid before the clock), so a burst of load
from other jobs on this shared machine hits both; figures are medians of wall and CPU seconds.
Run it with an older copy of the code first on PYTHONPATH (a folder holding `landstrikes/`) for
the figures before a change: both runs read the same release when given the same `--root`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))


def publish_replicated(root: Path, copies: int) -> Path:
    """A verified release folder under root/releases holding `copies` replicas of the gold."""
    import pyarrow.parquet as pq

    from landstrikes.releases.manifest import MANIFEST, dump_manifest, make_manifest, verify
    from landstrikes.releases.release import git_source, write_descriptions
    from landstrikes.schema.registry import SCHEMA_VERSION, TABLES
    from landstrikes.schema.tableio import landstrikes_metadata, read_arrow
    from synthesize import replicate

    version = landstrikes_metadata(pq.read_schema(next((REPO / "dataset" / "data" / "articles").glob("*.parquet"))))["dataset_version"]
    folder = root / "releases" / version
    if (folder / MANIFEST).is_file():
        return folder
    replicate(REPO / "dataset", root / "synthetic", copies)
    shutil.copytree(root / "synthetic" / "data", folder / "data")
    raw = root / "raw"
    raw.mkdir()
    articles = read_arrow(folder / "data" / "articles").select(["source_file", "text"]).to_pydict()
    for name, text in zip(articles["source_file"], articles["text"]):
        (raw / name).write_bytes(text.encode("utf-8"))
    entries = [(spec, read_arrow(folder / "data" / spec.name).num_rows, read_arrow(folder / "data" / spec.name).nbytes)
               for spec in TABLES]
    write_descriptions(folder, REPO / "dataset", entries, version, "2026-12-04", None)
    header = {"dataset": "landstrikes", "dataset_version": version, "schema_version": SCHEMA_VERSION,
              "released": "2026-12-04", "previous_release": None, "bump": "initial", "required_bump": None,
              "source": git_source(REPO)}
    (folder / MANIFEST).write_text(dump_manifest(make_manifest(folder, header, raw)), encoding="utf-8")
    problems = verify(folder)
    if problems:
        raise SystemExit(f"the benchmark release does not verify: {problems[:3]}")
    return folder


def timed(call) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--tables", nargs="+", default=["quotes", "articles"])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--root", type=Path, help="release root to build once and reuse (default: a temporary folder)")
    args = parser.parse_args()

    import datasets  # noqa: F401  (paid before the clock, as pyarrow's are)
    import pyarrow.dataset  # noqa: F401
    import pyarrow.parquet as pq

    import landstrikes
    from landstrikes import load

    temporary = None if args.root else tempfile.TemporaryDirectory(prefix="load-release-")
    root = args.root or Path(temporary.name)
    root.mkdir(parents=True, exist_ok=True)
    folder = publish_replicated(root, args.copies)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"code: {Path(landstrikes.__file__).parent}")
    print(f"release {folder} ({args.copies} replicas): {size / 1e6:.1f} MB in {sum(1 for _ in folder.rglob('*.parquet'))} Parquet files")
    load(args.tables[0], version=folder)  # first call: lazy imports of the loader
    for table in args.tables:
        runs = {"load": [], "pyarrow": []}
        for _ in range(args.repeats):
            runs["load"].append(timed(lambda: load(table, version=folder)))
            runs["pyarrow"].append(timed(lambda: pq.read_table(folder / "data" / table)))
        (lw, lc), (pw, pc) = ([statistics.median(x[i] for x in runs[side]) for i in (0, 1)] for side in ("load", "pyarrow"))
        rows = pq.ParquetFile(next((folder / "data" / table).glob("*.parquet"))).metadata.num_rows
        print(f"{table:9} {rows:>7} rows  load {lw:.3f} s wall {lc:.3f} s CPU  |  pyarrow.read_table "
              f"{pw * 1000:.1f} ms wall {pc * 1000:.1f} ms CPU  |  ratio {lw / pw:.0f}x wall, {lc / max(pc, 1e-9):.0f}x CPU")
    if temporary is not None:
        temporary.cleanup()


if __name__ == "__main__":
    main()
