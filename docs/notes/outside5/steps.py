"""Where `landstrikes extract`'s CPU goes outside the per-article function, step by step: the
command run in this process (one worker) with every step wrapped in a CPU clock that charges a
step only its own time (a nested step's time goes to the nested step). Run from the repository
root, with PYTHONPATH pointing at the code to measure if it is not this checkout:

    python docs/notes/outside5/steps.py RAW_FOLDER [--runs 3]

Each run is a fresh process (imports and word lists included); the figures are medians. GC is
the collector's own time (gc.callbacks), charged to "gc" and taken out of the step it ran in.
The interpreter's start and teardown are not in it (extract_process_cpu.py: ~0.02 + ~0.02).
Only steps called a few times per chunk are wrapped (a wrapper costs microseconds, which would
swamp steps called per article): the per-article steps around the function are one figure, the
chunk loop, which also holds the clock around the per-article function (as the benchmarks' probe
has it); tables.py splits them on replayed records.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = r"""
import gc, json, sys, time
cpu = time.process_time
own = {}
stack = []  # [name, start, time of nested steps]
def enter(name):
    stack.append([name, cpu(), 0.0])
def leave():
    name, start, nested = stack.pop()
    spent = cpu() - start
    own[name] = own.get(name, 0.0) + spent - nested
    if stack:
        stack[-1][2] += spent
def wrap(owner, attr, name):
    original = getattr(owner, attr)
    def wrapper(*args, **kwargs):
        label = name(*args) if callable(name) else name
        enter(label)
        try:
            return original(*args, **kwargs)
        finally:
            leave()
    setattr(owner, attr, wrapper)
    return original
def wrap_generator(owner, attr, name):
    original = getattr(owner, attr)
    def wrapper(*args, **kwargs):
        it = original(*args, **kwargs)
        while True:
            enter(name)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                leave()
            yield item
    setattr(owner, attr, wrapper)
def collecting(phase, info):
    if phase == "start":
        enter(f"gc during {stack[-1][0] if stack else 'nothing'}")
    else:
        leave()
gc.callbacks.append(collecting)
enter("imports")
import landstrikes.cli
from landstrikes.extract.nopandas import arrow_without_numpy, arrow_without_pandas
arrow_without_numpy(); arrow_without_pandas()
import landstrikes.extract.run as run, landstrikes.extract.chunk as chunk, landstrikes.extract.shard as shard
import landstrikes.extract.catalogue as catalogue, landstrikes.extract.entities as entities
import landstrikes.safety.outdir as outdir, landstrikes.safety.swap as swap
import pyarrow.parquet as pq
leave()
wrap(chunk, "extract_records", "INSIDE per-article function")
wrap(run, "warm_up", "word lists")
wrap(chunk, "warm_up", "word lists")
wrap(run, "take_inventory", "inventory (stat, hashes)")
wrap(shard.Columns, "_flush", lambda self: f"arrow conversion: {self.spec.name}")
wrap(catalogue.ChunkEvidence, "write", "evidence partial file")
wrap(shard, "sorted_table", lambda columns, meta: f"sort+take+combine: {columns.spec.name}")
wrap(pq, "write_table", lambda table, path, **kw: f"parquet write: {os.path.basename(os.path.dirname(path))}")
wrap_generator(run, "catalogue_records" if hasattr(run, "catalogue_records") else "catalogue_rows", "catalogue merge")  # (records: outside6)
wrap(run, "write_csv", "csv reports")
wrap(run, "publish", "publish (renames)")
wrap(swap, "fsync_tree", "fsync output tree")
wrap(outdir, "_swap_in", "swap in (rename + fsync dir)")
wrap(chunk, "_extract_chunk", "chunk loop: read, decode, timer, rows kept, evidence merged, clock")
wrap(run, "extract_folder", "extract_folder (rest)")
import os
enter("command (rest: parse, summary)")
code = landstrikes.cli.main(["extract", sys.argv[1], "--out", sys.argv[2], "--num-proc", "1"])
leave()
own["total (process CPU so far)"] = cpu()
print(json.dumps(own))
"""


def main() -> int:
    raw = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    samples = []
    with tempfile.TemporaryDirectory(prefix="steps-") as tmp:
        for i in range(runs):
            out = os.path.join(tmp, f"out{i}")
            done = subprocess.run([sys.executable, "-c", PROBE, raw, out], capture_output=True, text=True, check=True,
                                  env={**os.environ, "HF_HUB_OFFLINE": "1"})
            samples.append(json.loads(done.stdout.splitlines()[-1]))
    names = sorted({k for s in samples for k in s}, key=lambda k: -statistics.median(s.get(k, 0.0) for s in samples))
    n = len([p for p in os.listdir(raw) if p.endswith(".txt")])
    print(f"{n} files, medians of {runs} runs (load {os.getloadavg()[0]:.1f}); CPU-s and ms per article")
    for name in names:
        values = [s.get(name, 0.0) for s in samples]
        med = statistics.median(values)
        print(f"  {name:40} {med:7.3f}  {1000 * med / n:6.3f} ms   ({', '.join(f'{v:.3f}' for v in values)})")
    outside = [s["total (process CPU so far)"] - s["INSIDE per-article function"] for s in samples]
    print(f"  {'outside (total - inside)':40} {statistics.median(outside):7.3f}  {1000 * statistics.median(outside) / n:6.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
