"""`landstrikes extract` and `validate` on an engine: local pool vs Ray, 1 vs 2 workers,
10^3 -> 10^4 -> 10^5 articles, in one run.

The corpus is `extract_scaling.py`'s: the five gold raw texts re-synthesised with a fixed seed
(never the dev-news texts). Each (size, engine, workers) runs in a fresh process: first
`extract --engine`, then `validate --engine` of its partitioned output. For each phase:
- wall time (Ray's start-up is timed apart: it is paid once per session);
- CPU time of every process doing the work: this process (all threads, `getrusage`), the
  pool workers it reaped (`RUSAGE_CHILDREN`), and every other descendant (Ray's raylet, GCS and
  `ray::` workers) sampled from /proc/<pid>/stat every 0.2 s, counted from the phase's start;
- rows/s over every table (extract: rows written; validate: rows checked);
- the peak anonymous memory (RssAnon, the heap) of the driver and of the busiest worker
  (pool workers are our children; Ray workers are the `ray::` processes). One local worker is
  the driver itself (no pool), so its worker figure is the driver's.

    python benchmarks/engine_scaling.py [--sizes 1000 10000 100000] [--workers 1 2] [--engines local ray] [--append]

Writes benchmarks/results/engine_scaling.json after every run (a series stopped early keeps
what it measured) and the plot docs/figures/engine_scaling.png (needs the `figures` extra).
This machine has 2 cores shared with other work: the load average before each run is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_scaling import anon_kb, child_pids, write_corpus  # noqa: E402 - the same synthetic corpus and heap probe

RESULTS = Path(__file__).resolve().parent / "results"
FIGURE = Path(__file__).resolve().parents[1] / "docs" / "figures" / "engine_scaling.png"
TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds so far) of a process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _descendants(root: int) -> dict[int, float]:
    """CPU seconds of every live descendant of root (pool workers; Ray's raylet, GCS, workers)."""
    stats = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            stat = _stat(int(proc.name))
            if stat is not None:
                stats[int(proc.name)] = stat
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out[pid] = stats[pid][1]
        todo += children.get(pid, [])
    return out


def _own_cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _workers(engine: str) -> list[int]:
    """Worker pids: our children for the pool, every `ray::` task process for Ray."""
    if engine == "local":
        return child_pids()
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
    """Peak heaps of the driver and of the busiest worker, and the CPU of every descendant."""

    def __init__(self, engine: str):
        super().__init__(daemon=True)
        self.engine, self.main_kb, self.worker_kb = engine, 0, 0
        self.baseline = _descendants(os.getpid())  # CPU a live process had before the phase
        self.last: dict[int, float] = dict(self.baseline)
        self.stop = threading.Event()

    def sample(self):
        self.main_kb = max(self.main_kb, anon_kb(os.getpid()))
        for pid in _workers(self.engine):
            self.worker_kb = max(self.worker_kb, anon_kb(pid))
        self.last.update(_descendants(os.getpid()))

    def run(self):
        while not self.stop.wait(0.2):
            self.sample()

    def descendants_cpu(self, reaped: set[int]) -> float:
        """CPU of descendants during the phase, leaving out those whose CPU getrusage counts."""
        return sum(cpu - self.baseline.get(pid, 0.0) for pid, cpu in self.last.items() if pid not in reaped)


def _measured(engine: str, function):
    sampler = Sampler(engine)
    sampler.start()
    cpu_self, cpu_children = _own_cpu()
    begin = time.perf_counter()
    value = function()
    seconds = time.perf_counter() - begin
    sampler.stop.set()
    sampler.join()
    sampler.sample()
    alive = set(_descendants(os.getpid()))
    end_self, end_children = _own_cpu()
    # processes gone by now were our reaped children (the pool), counted by RUSAGE_CHILDREN
    cpu = (end_self - cpu_self) + (end_children - cpu_children) + sampler.descendants_cpu(set(sampler.last) - alive)
    return value, seconds, cpu, sampler.main_kb / 1024, sampler.worker_kb / 1024


def run_one(n: int, engine: str, workers: int, workdir: Path) -> dict:
    from landstrikes.engines import start
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.extract.run import extract_folder

    raw, out = workdir / "raw", workdir / "out"
    chars = write_corpus(raw, n)
    begin = time.perf_counter()
    start(engine, workers)
    startup = time.perf_counter() - begin
    result, seconds, cpu, main_mb, worker_mb = _measured(engine, lambda: extract_folder(raw, out, num_proc=workers, engine=engine))
    report, v_seconds, v_cpu, v_main_mb, v_worker_mb = _measured(engine, lambda: validate_partitioned(out, engine, workers))
    rows = sum(result.rows.values())
    checked = sum(t.rows for t in report.tables.values())
    return {
        "engine": engine, "workers": workers, "articles": result.articles, "chars": chars, "rows": rows,
        "engine_startup_seconds": round(startup, 2),
        "extract_seconds": round(seconds, 2), "extract_cpu_seconds": round(cpu, 2),
        "rows_per_second": round(rows / seconds, 1), "articles_per_second": round(result.articles / seconds, 1),
        "peak_anon_mb_driver": round(main_mb, 1), "peak_anon_mb_worker": round(worker_mb or main_mb, 1),
        "validate_seconds": round(v_seconds, 2), "validate_cpu_seconds": round(v_cpu, 2),
        "validate_rows": checked, "validate_rows_per_second": round(checked / v_seconds, 1),
        "validate_valid": report.ok, "validate_findings": len(report.findings),
        "validate_peak_anon_mb_driver": round(v_main_mb, 1), "validate_peak_anon_mb_worker": round(v_worker_mb or v_main_mb, 1),
    }


def plot(runs: list[dict], path: Path) -> None:
    """rows/s against articles (extract, validate) and the busiest worker's heap, per engine and workers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # wall time on a shared machine follows its load; CPU time much less: both are drawn
    per_cpu = {id(r): (r["rows"] / r["extract_cpu_seconds"] if r.get("extract_cpu_seconds") else 0,
                       r.get("validate_rows", 0) / r["validate_cpu_seconds"] if r.get("validate_cpu_seconds") else 0) for r in runs}
    fig, grid = plt.subplots(2, 3, figsize=(14, 8))
    axes = list(grid.flat)
    panels = (("rows_per_second", "extract: rows/s (wall)"),
              ("validate_rows_per_second", "validate: rows/s (wall)"),
              ("peak_anon_mb_worker", "extract: peak heap of one worker (MB)"),
              (lambda r: per_cpu[id(r)][0], "extract: rows per CPU-second (all processes)"),
              (lambda r: per_cpu[id(r)][1], "validate: rows per CPU-second (all processes)"),
              ("validate_peak_anon_mb_worker", "validate: peak heap of one worker (MB)"))
    for engine in sorted({r["engine"] for r in runs}):
        for workers in sorted({r["workers"] for r in runs}):
            mine = sorted((r for r in runs if r["engine"] == engine and r["workers"] == workers), key=lambda r: r["articles"])
            if not mine:
                continue
            style = ("o-" if engine == "local" else "s--")
            label = f"{engine}, {workers} worker{'s' if workers > 1 else ''}"
            for axis, (key, _) in zip(axes, panels):
                values = [key(r) if callable(key) else r.get(key, 0) for r in mine]
                axis.plot([r["articles"] for r in mine], values, style, label=label)
    for axis, (_, title) in zip(axes, panels):
        axis.set_xscale("log")
        axis.set_xlabel("articles")
        axis.set_ylim(bottom=0)
        axis.set_title(title, fontsize=10)
        axis.legend(fontsize=8)
    fig.suptitle("landstrikes extract / validate --engine local|ray (2-core machine shared with other work: noisy)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["local", "ray"])
    parser.add_argument("--append", action="store_true",
                        help="keep the runs already in the results file (a run of the same size, engine and workers is replaced)")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        n, engine, workers = int(args.one[0]), args.one[1], int(args.one[2])
        print(json.dumps(run_one(n, engine, workers, args.workdir)))
        return 0
    kept = _load() if args.append else []
    runs = []
    for n in args.sizes:  # engines side by side at each size and worker count, so a series cut short still compares them
        for workers in args.workers:
            for engine in args.engines:
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
                mine = {(r["articles"], r["engine"], r["workers"]) for r in runs}
                _save(sorted([r for r in kept if (r["articles"], r["engine"], r["workers"]) not in mine] + runs,
                             key=lambda r: (r["articles"], -r["workers"], r["engine"])))  # after every run: a long series stopped early keeps what it measured
    return 0


def _load() -> list[dict]:
    path = RESULTS / "engine_scaling.json"
    return json.loads(path.read_text())["runs"] if path.exists() else []


def _save(runs: list[dict]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "engine_scaling.json").write_text(json.dumps({"cpus": os.cpu_count(), "runs": runs}, indent=2) + "\n")
    plot(runs, FIGURE)


if __name__ == "__main__":
    sys.exit(main())
