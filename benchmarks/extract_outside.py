"""The CPU `landstrikes extract` spends outside the per-article function, measured on its own.

    python benchmarks/extract_outside.py --corpus news --n 2000 --compare main --runs 5 [--dev-news PATH]

On a loaded machine the whole-process figures of `extract_cpu.py` vary by a quarter, more than
the overhead being cut. Here the per-article function the chunk calls is replaced by a replay of
its output (computed once, up front, by this checkout; the per-article code is the same in both
revisions compared): the records of `extract_records` for code that has it, else the dict rows of
`extract_article` (both forms are loaded and frozen for every code, only the code's own is replayed),
so each run's command CPU is only what happens around it: reading, column building, shards,
evidence, catalogue merge, inventory, the pandas import if any, and the garbage collector's
share of it (reported beside it). Imports (after `arrow_without_numpy`, as the command does) and
the word lists are timed as separate steps. The replayed rows are frozen out of the collector's
passes before anything is timed, and the modules and word lists before the command, for both
codes, so a code's own freezing of the older heap shows in `extract_cpu.py`, not here. One process (`--num-proc 1`); REV's code (PYTHONPATH, as build_cpu.py
lays it out) and this checkout's alternate in every round; medians of `--runs`.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_cpu import package_at  # noqa: E402
from corpora import CORPORA, default_dev_news, write_corpus  # noqa: E402

PROBE = r"""
import gc, json, pickle, shutil, sys, time
cpu = time.process_time
replays = pickle.load(open(sys.argv[3], "rb"))  # {"rows": dict rows, "records": tuples} per article id
gc.collect(); gc.freeze()  # the replayed rows are not the run's own heap
t = cpu()
import landstrikes.cli
try:  # as cmd_extract does before anything imports pyarrow (code that has it)
    from landstrikes.extract.nopandas import arrow_without_numpy
except ImportError:
    pass
else:
    arrow_without_numpy()
import landstrikes.extract.run, landstrikes.extract.chunk as chunk
imported = cpu() - t
t = cpu()
from landstrikes.extract.entities import warm_up
warm_up()
lists = cpu() - t
gc.freeze()  # nor, for both codes, the modules and word lists (a code's own freeze shows in extract_cpu.py)
if hasattr(chunk, "extract_records"):  # the per-article function the chunk calls
    rows = replays["records"]
    chunk.extract_records = lambda article_id, text, source_file=None: rows[article_id]
else:
    rows = replays["rows"]
    chunk.extract_article = lambda article_id, text, source_file=None: rows[article_id]
collecting = [0.0, 0.0]
def watch(phase, info):
    if phase == "start":
        collecting[1] = cpu()
    else:
        collecting[0] += cpu() - collecting[1]
t = cpu()
gc.callbacks.append(watch)
code = landstrikes.cli.main(["extract", sys.argv[1], "--out", sys.argv[2], "--num-proc", "1"])
command = cpu() - t
gc.callbacks.remove(watch)
print(json.dumps({"exit": code, "import": imported, "lists": lists, "command": command, "gc": collecting[0],
                  "pandas": "pandas" in sys.modules, "numpy": "numpy" in sys.modules,
                  "pyarrow.compute": "pyarrow.compute" in sys.modules, "module": landstrikes.__file__}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=CORPORA, default="news")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--dev-news", type=Path, default=default_dev_news())
    parser.add_argument("--compare", metavar="REV", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="append the figures to this JSON file ({'runs': [...]}, earlier runs kept)")
    parser.add_argument("--label", help="a label stored with the run in --json")
    args = parser.parse_args(argv)
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="extract-outside-") as tmp:
        tmp = Path(tmp)
        raw = tmp / "raw"
        write_corpus(args.corpus, raw, args.n, args.dev_news)
        from landstrikes.extract.article import extract_article, extract_records

        texts = {p.stem: (p.read_text(encoding="utf-8"), p.name) for p in sorted(raw.glob("*.txt"))}
        replays = {"rows": {stem: extract_article(stem, *text) for stem, text in texts.items()},
                   "records": {stem: extract_records(stem, *text) for stem, text in texts.items()}}
        replay = tmp / "rows.pickle"
        replay.write_bytes(pickle.dumps(replays))
        del texts, replays
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        versions = {args.compare: {**env, "PYTHONPATH": str(package_at(args.compare, tmp / "rev"))}, "this checkout": env}
        samples: dict[str, list[dict]] = {label: [] for label in versions}
        for _ in range(args.runs):
            for label, env_ in versions.items():
                out = tmp / "out"
                subprocess.run(["rm", "-rf", str(out)], check=True)
                done = subprocess.run([sys.executable, "-c", PROBE, str(raw), str(out), str(replay)], env=env_, cwd=tmp,
                                      capture_output=True, text=True, check=True)
                samples[label].append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{args.corpus} {args.n} articles, one process, medians of {args.runs} (load {os.getloadavg()[0]:.1f}); "
          "CPU-s outside extract_article:")
    rows = []
    for label, runs in samples.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("import", "lists", "command", "gc")}
        every = ", ".join(f"{r['command']:.2f}" for r in runs)
        print(f"  {label[:14]:>14}: imports {med['import']:.3f}  word lists {med['lists']:.3f}  "
              f"command around the articles {med['command']:.3f} (all: {every}; of which garbage collection "
              f"{med['gc']:.3f})  outside in all {med['import'] + med['lists'] + med['command']:.3f}  "
              f"pandas {'yes' if runs[0]['pandas'] else 'no'}  numpy {'yes' if runs[0]['numpy'] else 'no'}  "
              f"pyarrow.compute {'yes' if runs[0]['pyarrow.compute'] else 'no'}")
        rows.append({"code": label, "corpus": args.corpus, "articles": args.n, "runs": args.runs,
                     **{f"{k}_s": round(v, 3) for k, v in med.items()},
                     "outside_s": round(med["import"] + med["lists"] + med["command"], 3),
                     "command_s_all": [round(r["command"], 3) for r in runs],
                     "pandas": runs[0]["pandas"], "numpy": runs[0]["numpy"], "pyarrow_compute": runs[0]["pyarrow.compute"]})
    if args.json:
        machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_start": load_start,
                   "load_avg_end": os.getloadavg()}
        run = {"machine": machine, "rows": rows, **({"label": args.label} if args.label else {})}
        previous = json.loads(args.json.read_text()) if args.json.exists() else {"runs": []}
        previous["runs"].append(run)  # earlier runs are kept
        args.json.write_text(json.dumps(previous, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
