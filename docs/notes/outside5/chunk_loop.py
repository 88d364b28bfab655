"""The chunk loop's steps around the per-article function, timed inside a real run of the rules
(not replayed: after an article's rules the caches are cold, and every step costs more than it
does in a replay). Run from the repository root:

    python docs/notes/outside5/chunk_loop.py RAW_FOLDER per-article|ahead [--runs 3]

`per-article` reads each file just before its article (the loop before this round), `ahead`
reads the files a group at a time (`chunk.read_ahead`, this round). Fresh process per run, the
two ways alternating; prints CPU-s per step, medians, and every run.
"""
import json
import os
import statistics
import subprocess
import sys

PROBE = r"""
import json, sys, time
from pathlib import Path
from landstrikes.extract.nopandas import arrow_without_numpy, arrow_without_pandas
arrow_without_numpy(); arrow_without_pandas()
import landstrikes.extract.chunk as chunk
from landstrikes.extract.article import ARTICLE_TABLES
from landstrikes.extract.budget import chunk_timer
from landstrikes.extract.catalogue import ChunkEvidence
from landstrikes.extract.collector import older_objects_frozen
from landstrikes.extract.entities import warm_up
from landstrikes.extract.shard import Columns
from landstrikes.schema.registry import TABLES_BY_NAME
warm_up()
cpu = time.process_time
paths = tuple(sorted(str(p) for p in Path(sys.argv[1]).glob("*.txt")))
ahead = sys.argv[2] == "ahead"
spent = {"read": 0.0, "decode + timer + clock": 0.0, "rows kept (Arrow batches included)": 0.0, "evidence merge": 0.0, "INSIDE": 0.0}
def per_article(paths):
    for path in paths:
        t = cpu()
        with open(path, "rb") as handle:
            data = handle.read()
        spent["read"] += cpu() - t
        yield path, data
def grouped(paths):
    it = chunk.read_ahead(paths)
    while True:
        t = cpu()
        item = next(it, None)
        spent["read"] += cpu() - t
        if item is None:
            return
        yield item
with older_objects_frozen():
    tables = {t: Columns(TABLES_BY_NAME[t]) for t in ARTICLE_TABLES}
    evidence = ChunkEvidence()
    with chunk_timer(30.0) as timer:
        for path, data in (grouped(paths) if ahead else per_article(paths)):
            t = cpu()
            text = data.decode("utf-8")
            timer.arm()
            t1 = cpu()
            records = chunk.extract_records(Path(path).stem, text, Path(path).name)
            t2 = cpu()
            timer.disarm()
            spent["INSIDE"] += t2 - t1
            spent["decode + timer + clock"] += cpu() - t - (t2 - t1)
            t = cpu()
            for table in ARTICLE_TABLES:
                tables[table].extend(records[table])
            t1 = cpu()
            evidence.add_rows(records["entity_rows"])
            spent["evidence merge"] += cpu() - t1
            spent["rows kept (Arrow batches included)"] += t1 - t
print(json.dumps(spent))
"""


def main() -> int:
    raw = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    ways = [w for w in sys.argv[2:] if w in ("per-article", "ahead")] or ["per-article", "ahead"]
    samples: dict[str, list[dict]] = {w: [] for w in ways}
    for _ in range(runs):
        for way in ways:
            done = subprocess.run([sys.executable, "-c", PROBE, raw, way], capture_output=True, text=True, check=True,
                                  env={**os.environ, "HF_HUB_OFFLINE": "1"})
            samples[way].append(json.loads(done.stdout.splitlines()[-1]))
    print(f"medians of {runs} (load {os.getloadavg()[0]:.1f}), CPU-s")
    for way, runs_ in samples.items():
        print(f"  {way}:")
        for step in runs_[0]:
            values = [r[step] for r in runs_]
            print(f"    {step:38} {statistics.median(values):6.3f}  ({', '.join(f'{v:.3f}' for v in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
