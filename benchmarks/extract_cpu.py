"""Articles per CPU-second of the whole `landstrikes extract` process, old code and new alternating.

    python benchmarks/extract_cpu.py --corpus news --sizes 200 2000 10000 --num-proc 1 2 \
        --compare 6edb727 --runs 3 [--dev-news ../shared/dev-news] [--json FILE]

Each run is a fresh `python -m landstrikes extract RAW --out OUT --num-proc N`: interpreter
start, imports, gazetteers, reading, extraction, writing and the catalogue merge are all in the
figure. CPU is user + system of that process and of every worker it started (`os.wait4` of the
process: Linux adds the workers it reaped), so the machine's other load changes wall time, not
CPU. With `--compare REV`, REV's code (laid out as setuptools' package-dir maps it, through
PYTHONPATH, as `build_cpu.py` does) and this checkout's run one after the other inside every
round; each figure is the median of `--runs` rounds.

The probe also splits the CPU: imports (landstrikes.cli and the extract modules), the
per-article function the chunk calls (`extract_records`; `extract_article` in code before it)
summed over every process (each worker appends its sum
to a file), so the share **outside the per-article function** is (total - inside) / total, and
the main process's own share (with workers it is the parent's cost: inventory, job hand-out,
catalogue merge). Peak memory is ru_maxrss of the largest process (main or one worker).

Corpora: `benchmarks/corpora.py` (synthetic from the gold texts; or real news from dev-news,
which is never committed and which the test suite does not need).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_cpu import package_at  # noqa: E402
from corpora import CORPORA, default_dev_news, write_corpus  # noqa: E402

PROBE = r"""
import json, os, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start = cpu()
import landstrikes.cli
try:  # as cmd_extract does before anything imports pyarrow (code that has it; older code imports numpy)
    from landstrikes.extract.nopandas import arrow_without_numpy
except ImportError:
    pass
else:
    arrow_without_numpy()
import landstrikes.extract.chunk as chunk
imported = cpu()
inside = [0.0]
report = os.environ["EXTRACT_CPU_INSIDE"]
# the per-article function the chunk calls: extract_records (tuples) or, in older code, extract_article
per_article = "extract_records" if hasattr(chunk, "extract_records") else "extract_article"
original_article = getattr(chunk, per_article)
def extract_article(*args, **kwargs):
    begin = time.process_time()
    try:
        return original_article(*args, **kwargs)
    finally:
        inside[0] += time.process_time() - begin
setattr(chunk, per_article, extract_article)
original_chunk = chunk.extract_chunk
def extract_chunk(job):
    before = inside[0]
    try:
        return original_chunk(job)
    finally:
        with open(report, "a") as handle:
            handle.write(f"{os.getpid()} {inside[0] - before}\n")
extract_chunk.__module__, extract_chunk.__qualname__ = original_chunk.__module__, original_chunk.__qualname__
chunk.extract_chunk = extract_chunk
import landstrikes.extract.run as run
run.extract_chunk = extract_chunk
code = landstrikes.cli.main(sys.argv[1:])
self_usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"start": start, "import": imported - start, "exit": code,
                  "main_cpu": self_usage.ru_utime + self_usage.ru_stime,
                  "main_maxrss_mb": self_usage.ru_maxrss / 1024, "module": landstrikes.__file__}))
"""


def _popen_wait(cmd, env, cwd):
    """Popen + wait4, so the CPU of the process and its reaped workers is read for this run only."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    stdout = proc.stdout.read()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return stdout.decode(), stderr.decode(), proc.returncode, usage


def run_one(raw: Path, work: Path, num_proc: int, env: dict) -> dict:
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    inside_file = work / "inside.txt"
    inside_file.unlink(missing_ok=True)
    cmd = [sys.executable, "-c", PROBE, "extract", str(raw), "--out", str(out), "--num-proc", str(num_proc)]
    wall = time.perf_counter()
    stdout, stderr, code, usage = _popen_wait(cmd, {**env, "EXTRACT_CPU_INSIDE": str(inside_file)}, work)
    wall = time.perf_counter() - wall
    if code != 0:
        raise RuntimeError(f"extract exited {code}: {stderr[-800:]}")
    probe = json.loads(stdout.strip().splitlines()[-1])
    inside = sum(float(line.split()[1]) for line in inside_file.read_text().splitlines())
    total = usage.ru_utime + usage.ru_stime
    return {"cpu_s": total, "wall_s": wall, "peak_rss_mb": usage.ru_maxrss / 1024, "import_s": probe["import"],
            "start_s": probe["start"], "inside_s": inside, "main_cpu_s": probe["main_cpu"],
            "main_rss_mb": probe["main_maxrss_mb"], "module": probe["module"]}


def summary(label: str, n: int, num_proc: int, samples: list[dict]) -> dict:
    def med(key):
        return statistics.median(s[key] for s in samples)

    cpu = med("cpu_s")
    outside = statistics.median((s["cpu_s"] - s["inside_s"]) / s["cpu_s"] for s in samples)
    return {
        "code": label, "articles": n, "num_proc": num_proc, "runs": len(samples),
        "cpu_s": round(cpu, 3), "articles_per_cpu_s": round(n / cpu, 1),
        "cpu_s_all": [round(s["cpu_s"], 3) for s in samples],
        "wall_s": round(med("wall_s"), 3), "wall_s_min": round(min(s["wall_s"] for s in samples), 3),
        "peak_rss_mb": round(med("peak_rss_mb"), 1), "main_rss_mb": round(med("main_rss_mb"), 1),
        "interpreter_start_s": round(med("start_s"), 3), "import_s": round(med("import_s"), 3),
        "inside_article_s": round(med("inside_s"), 3), "outside_share": round(outside, 3),
        "main_process_share": round(statistics.median(s["main_cpu_s"] / s["cpu_s"] for s in samples), 3),
        "module": samples[0]["module"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=CORPORA, default="synthetic")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--num-proc", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--compare", metavar="REV", help="also run REV's code, alternating with this checkout's")
    parser.add_argument("--revs", nargs="+", metavar="REV", help="measure these revisions (alternating) instead of the checkout")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dev-news", type=Path, default=default_dev_news(), help="the dev-news folder (news corpus)")
    parser.add_argument("--json", type=Path, help="append the figures to this JSON file ({'runs': [...]}, earlier runs kept)")
    parser.add_argument("--label", help="a label stored with the run in --json")
    args = parser.parse_args(argv)
    load_start = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="extract-cpu-") as tmp:
        tmp = Path(tmp)
        versions = [("this checkout", {**os.environ, "HF_HUB_OFFLINE": "1"})]
        if args.compare:
            env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(package_at(args.compare, tmp / "rev"))}
            versions.insert(0, (args.compare, env))
        if args.revs:  # committed snapshots only: the checkout may be edited while they run
            versions = [(rev, {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(package_at(rev, tmp / f"rev-{rev}"))})
                        for rev in args.revs]
        for n in args.sizes:
            raw = tmp / f"raw-{n}"
            write_corpus(args.corpus, raw, n, args.dev_news)
            samples: dict[tuple[str, int], list[dict]] = {(label, p): [] for label, _ in versions for p in args.num_proc}
            for _ in range(args.runs):
                for num_proc in args.num_proc:
                    for label, env in versions:
                        samples[label, num_proc].append(run_one(raw, tmp, num_proc, env))
            for (label, num_proc), mine in samples.items():
                row = {"corpus": args.corpus, **summary(label, n, num_proc, mine)}
                rows.append(row)
                print(f"{args.corpus:9} {n:>6} art  {label[:14]:>14}  p={num_proc}  load {os.getloadavg()[0]:4.1f}  {row['articles_per_cpu_s']:>6.1f} art/CPU-s  "
                      f"cpu {row['cpu_s']:7.2f} s  wall {row['wall_s']:7.2f} s  rss {row['peak_rss_mb']:5.0f} MB  "
                      f"import {row['import_s']:.2f} s  outside {row['outside_share']:.1%}  main {row['main_process_share']:.1%}",
                      flush=True)
            shutil.rmtree(raw)
    if args.json:
        machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_start": load_start,
                   "load_avg_end": os.getloadavg()}
        run = {"machine": machine, "rows": rows, **({"label": args.label} if args.label else {})}
        previous = json.loads(args.json.read_text()) if args.json.exists() else {"runs": []}
        if isinstance(previous, list):  # the first form of the file: a bare list of runs
            previous = {"runs": previous}
        previous["runs"].append(run)  # earlier runs are kept
        args.json.write_text(json.dumps(previous, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
