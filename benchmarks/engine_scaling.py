"""`landstrikes extract --engine`: local pool vs Ray, 1 vs 2 workers, 10^3.. articles.

The corpus is `extract_scaling.py`'s (the five raw texts re-synthesised with a fixed seed).
Each (engine, workers, size) runs in a fresh process: wall time of the extraction alone (Ray's
start-up is timed apart, it is paid once per session), rows/s over every table, and the peak
anonymous memory (RssAnon, the heap) of the driver and of the busiest worker, sampled from
/proc every 0.2 s (pool workers are our children; Ray workers are the `ray::` processes).
Then the partitioned output is validated on the same engine (`validate --engine`).

    python benchmarks/engine_scaling.py [--sizes 1000 10000] [--workers 1 2] [--engines local ray]

Writes benchmarks/results/engine_scaling.json and .png. This machine has 2 cores shared with
other work: the load average before each run is recorded, compare runs with it in mind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_scaling import write_corpus  # noqa: E402 - the same synthetic corpus as extract_scaling

RESULTS = Path(__file__).resolve().parent / "results"


def _anon_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _workers(engine: str) -> list[int]:
    """Worker pids: our children for the pool, every `ray::` task process for Ray."""
    if engine == "local":
        pids = []
        for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
            try:
                pids += [int(x) for x in task.read_text().split()]
            except OSError:
                pass
        return pids
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if (proc / "cmdline").read_bytes().startswith(b"ray::"):
                    pids.append(int(proc.name))
            except OSError:
                pass
    return pids


class Sampler(threading.Thread):
    def __init__(self, engine: str):
        super().__init__(daemon=True)
        self.engine, self.main_kb, self.worker_kb = engine, 0, 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(0.2):
            self.main_kb = max(self.main_kb, _anon_kb(os.getpid()))
            for pid in _workers(self.engine):
                self.worker_kb = max(self.worker_kb, _anon_kb(pid))


def _measured(engine: str, function):
    sampler = Sampler(engine)
    sampler.start()
    begin = time.perf_counter()
    value = function()
    seconds = time.perf_counter() - begin
    sampler.stop.set()
    sampler.join()
    return value, seconds, sampler.main_kb / 1024, sampler.worker_kb / 1024


def run_one(n: int, engine: str, workers: int, workdir: Path) -> dict:
    from landstrikes.engines import start
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.extract.run import extract_folder

    raw, out = workdir / "raw", workdir / "out"
    chars = write_corpus(raw, n)
    begin = time.perf_counter()
    start(engine, workers)
    startup = time.perf_counter() - begin
    result, seconds, main_mb, worker_mb = _measured(engine, lambda: extract_folder(raw, out, num_proc=workers, engine=engine))
    report, v_seconds, v_main_mb, v_worker_mb = _measured(engine, lambda: validate_partitioned(out, engine, workers))
    rows = sum(result.rows.values())
    return {
        "engine": engine, "workers": workers, "articles": result.articles, "chars": chars, "rows": rows,
        "engine_startup_seconds": round(startup, 2),
        "extract_seconds": round(seconds, 2), "rows_per_second": round(rows / seconds, 1),
        "articles_per_second": round(result.articles / seconds, 1),
        "peak_anon_mb_driver": round(main_mb, 1), "peak_anon_mb_worker": round(worker_mb, 1),
        "validate_seconds": round(v_seconds, 2), "validate_valid": report.ok,
        "validate_peak_anon_mb_driver": round(v_main_mb, 1), "validate_peak_anon_mb_worker": round(v_worker_mb, 1),
    }


def plot(runs: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (rate, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for engine in sorted({r["engine"] for r in runs}):
        for workers in sorted({r["workers"] for r in runs}):
            mine = sorted((r for r in runs if r["engine"] == engine and r["workers"] == workers), key=lambda r: r["articles"])
            if not mine:
                continue
            style = "o-" if engine == "local" else "s--"
            label = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
            rate.plot([r["articles"] for r in mine], [r["rows_per_second"] for r in mine], style, label=label)
            # one local worker is the driver itself (no pool): its heap is the worker's
            heaps = [r["peak_anon_mb_worker"] or r["peak_anon_mb_driver"] for r in mine]
            memory.plot([r["articles"] for r in mine], heaps, style, label=label)
    for axis, title in ((rate, "extract: rows/s (all tables)"), (memory, "peak heap of one worker (MB)")):
        axis.set_xscale("log")
        axis.set_xlabel("articles")
        axis.set_ylim(bottom=0)
        axis.set_title(title)
        axis.legend(fontsize=8)
    fig.suptitle("landstrikes extract --engine (2-core machine shared with other work: noisy)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        n, engine, workers = int(args.one[0]), args.one[1], int(args.one[2])
        print(json.dumps(run_one(n, engine, workers, args.workdir)))
        return 0
    runs = []
    for n in args.sizes:
        for engine in args.engines:
            for workers in args.workers:
                workdir = Path(tempfile.mkdtemp(prefix=f"engine-bench-{n}-"))
                load = os.getloadavg()[0]
                try:
                    done = subprocess.run(
                        [sys.executable, __file__, "--one", str(n), engine, str(workers), "--workdir", str(workdir)],
                        check=True, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
                    )
                finally:
                    shutil.rmtree(workdir, ignore_errors=True)
                row = {**json.loads(done.stdout.strip().splitlines()[-1]), "load_average_before": round(load, 2)}
                runs.append(row)
                print(json.dumps(row), flush=True)
                _save(runs)  # after every run: a long series stopped early keeps what it measured
    return 0


def _save(runs: list[dict]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "engine_scaling.json").write_text(json.dumps({"cpus": os.cpu_count(), "runs": runs}, indent=2) + "\n")
    plot(runs, RESULTS / "engine_scaling.png")


if __name__ == "__main__":
    sys.exit(main())
