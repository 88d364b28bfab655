"""The CPU `landstrikes extract` spends outside the per-article function, measured on its own.

    python benchmarks/extract_outside.py --corpus news --n 2000 --compare main --runs 5 [--dev-news PATH]

On a loaded machine the whole-process figures of `extract_cpu.py` vary by a quarter, more than
the overhead being cut. Here `extract_article` is replaced by a replay of its rows (computed
once, up front, by this checkout; the per-article code is the same in both revisions compared),
so each run's command CPU is only what happens around it: reading, column building, shards,
evidence, catalogue merge, inventory, the pandas import if any. Imports and the word lists are
timed as separate steps. One process (`--num-proc 1`); REV's code (PYTHONPATH, as build_cpu.py
lays it out) and this checkout's alternate in every round; medians of `--runs`.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
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
rows = pickle.load(open(sys.argv[3], "rb"))
gc.collect(); gc.freeze()  # the replayed rows are not the run's own heap
t = cpu()
import landstrikes.cli
import landstrikes.extract.run, landstrikes.extract.chunk as chunk
imported = cpu() - t
t = cpu()
from landstrikes.extract.entities import warm_up
warm_up()
lists = cpu() - t
chunk.extract_article = lambda article_id, text, source_file=None: rows[article_id]
t = cpu()
code = landstrikes.cli.main(["extract", sys.argv[1], "--out", sys.argv[2], "--num-proc", "1"])
command = cpu() - t
print(json.dumps({"exit": code, "import": imported, "lists": lists, "command": command,
                  "pandas": "pandas" in sys.modules, "module": landstrikes.__file__}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=CORPORA, default="news")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--dev-news", type=Path, default=default_dev_news())
    parser.add_argument("--compare", metavar="REV", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="extract-outside-") as tmp:
        tmp = Path(tmp)
        raw = tmp / "raw"
        write_corpus(args.corpus, raw, args.n, args.dev_news)
        from landstrikes.extract.article import extract_article

        rows = {p.stem: extract_article(p.stem, p.read_text(encoding="utf-8"), p.name) for p in sorted(raw.glob("*.txt"))}
        replay = tmp / "rows.pickle"
        replay.write_bytes(pickle.dumps(rows))
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
    for label, runs in samples.items():
        med = {k: statistics.median(r[k] for r in runs) for k in ("import", "lists", "command")}
        every = ", ".join(f"{r['command']:.2f}" for r in runs)
        print(f"  {label[:14]:>14}: imports {med['import']:.3f}  word lists {med['lists']:.3f}  "
              f"command around the articles {med['command']:.3f} (all: {every})  "
              f"pandas {'yes' if runs[0]['pandas'] else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
