"""How `landstrikes extract` scales: articles/second and peak memory from 10 to 100,000 articles.

Articles are synthesised from the five raw texts with a fixed seed: the headline is kept,
body paragraphs are shuffled, sentences inside a paragraph are shuffled, capitalised names
are swapped for invented ones and digits are changed. Each size runs in a fresh process so
peak memory is per size: ru_maxrss (all resident pages, including the memory-mapped Arrow
files `datasets` reads, which are file-backed and reclaimable) and, sampled from /proc every
0.2 s, the peak anonymous memory (the heap) of the main process and of each worker.

    python benchmarks/extract_scaling.py [--sizes 10 100 1000 10000 100000] [--num-proc 2]

Writes benchmarks/results/extract_scaling.json and .png (the plot needs the `bench` extra).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "dataset" / "raw"
RESULTS = Path(__file__).resolve().parent / "results"
SIZES = (10, 100, 1000, 10000, 100000)
SEED = 20260105
SYLLABLES = ("ka", "lo", "mi", "ra", "den", "sol", "var", "tor", "el", "an", "be", "qui", "mar", "zo", "fe", "lu")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})+\b")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def invented_name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words))


def synthesise(base: str, rng: random.Random) -> str:
    """A new article from a raw one: same genre and marks, other order, names and numbers."""
    paragraphs = base.split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    shuffled = []
    for paragraph in body:
        sentences = _SENTENCE.split(paragraph)
        if len(sentences) > 2 and rng.random() < 0.5:
            rng.shuffle(sentences)
        shuffled.append(" ".join(sentences))
    text = "\n\n".join(head + shuffled)
    names: dict[str, str] = {}
    text = _NAME.sub(lambda m: names.setdefault(m.group(), invented_name(rng, m.group().count(" ") + 1)) if rng.random() < 0.6 else m.group(), text)
    return _DIGIT.sub(lambda m: str(rng.randint(0, 9)) if rng.random() < 0.5 else m.group(), text)


def write_corpus(folder: Path, n: int) -> int:
    bases = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        rng = random.Random(SEED * 1_000_003 + i)
        text = synthesise(bases[i % len(bases)], rng)
        (folder / f"syn_{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def child_pids() -> list[int]:
    """This process's child processes (every thread's children, from /proc)."""
    pids = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        try:
            pids += [int(x) for x in task.read_text().split()]
        except OSError:
            pass
    return pids


def anon_kb(pid: int) -> int:
    """A process's private resident memory (RssAnon, kB): its heap, not shared libraries; 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class AnonSampler(threading.Thread):
    """Peak RssAnon (heap, not file-backed pages) of this process and of its children, from /proc."""

    def __init__(self):
        super().__init__(daemon=True)
        self.main_kb = self.worker_kb = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(0.2):
            self.main_kb = max(self.main_kb, anon_kb(os.getpid()))
            for pid in child_pids():
                self.worker_kb = max(self.worker_kb, anon_kb(pid))


def run_one(n: int, num_proc: int, workdir: Path) -> dict:
    """Synthesise n articles, extract them, return timings and peak memory (child process entry)."""
    from landstrikes.extract.run import extract_folder

    raw, out = workdir / "raw", workdir / "out"
    chars = write_corpus(raw, n)
    sampler = AnonSampler()
    sampler.start()
    wall, cpu = time.perf_counter(), time.process_time()
    result = extract_folder(raw, out, num_proc=num_proc)
    wall = time.perf_counter() - wall
    sampler.stop.set()
    sampler.join()
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "articles": result.articles,
        "chars": chars,
        "num_proc": num_proc,
        "seconds": round(wall, 3),
        "articles_per_second": round(n / wall, 1),
        "articles_per_second_per_process": round(n / wall / num_proc, 1),
        "cpu_seconds": round(time.process_time() - cpu + children.ru_utime + children.ru_stime, 3),
        "peak_rss_mb_main": round(self_rss, 1),
        "peak_rss_mb_worker": round(children.ru_maxrss / 1024, 1),
        "peak_anon_mb_main": round(sampler.main_kb / 1024, 1),
        "peak_anon_mb_worker": round(sampler.worker_kb / 1024, 1),
        "rows": result.rows,
        "output_mb": round(sum(f.stat().st_size for f in (out / "data").rglob("*.parquet")) / 2**20, 2),
    }


def pure_rate(seconds: float = 10.0) -> float:
    """Single-core rate of the pure function alone (no I/O, no engine): the per-core ceiling."""
    from landstrikes.extract import extract_article

    bases = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    rng = random.Random(SEED)
    texts = [synthesise(bases[i % 5], rng) for i in range(200)]
    n, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        extract_article("x", texts[n % len(texts)])
        n += 1
    return round(n / (time.process_time() - start), 1)


def plot(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in results]
    fig, left = plt.subplots(figsize=(7, 4))
    left.plot(sizes, [r["articles_per_second"] for r in results], "o-", color="tab:blue", label="articles/s (all processes)")
    left.set_xscale("log")
    left.set_xlabel("articles")
    left.set_ylabel("articles / second", color="tab:blue")
    right = left.twinx()
    right.plot(sizes, [max(r["peak_rss_mb_main"], r["peak_rss_mb_worker"]) for r in results], "s--", color="tab:red", label="peak RSS (incl. mapped files)")
    right.plot(sizes, [max(r["peak_anon_mb_main"], r["peak_anon_mb_worker"]) for r in results], "^:", color="tab:purple", label="peak heap (RssAnon)")
    right.set_ylabel("peak memory of one process (MB)", color="tab:red")
    right.legend(loc="lower right", fontsize=8)
    right.set_ylim(bottom=0)
    left.set_ylim(bottom=0)
    left.set_title(f"landstrikes extract, num_proc={results[0]['num_proc']}")
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--num-proc", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--one", type=int, metavar="N", help="measure one size, N articles, and print its figures as JSON")
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:  # one size in this process (README runs it by hand; the sweep passes --workdir)
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix=f"extract-bench-{args.one}-"))
        try:
            print(json.dumps(run_one(args.one, args.num_proc, workdir)))
        finally:
            if args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)
        return 0
    results = []
    for n in args.sizes:
        workdir = Path(tempfile.mkdtemp(prefix=f"extract-bench-{n}-"))
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(n), "--num-proc", str(args.num_proc), "--workdir", str(workdir)],
                check=True, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"},
            )
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(row)
        print(f"{n:>7} articles  {row['seconds']:>8.1f} s  {row['articles_per_second']:>7.1f} art/s  "
              f"{row['articles_per_second_per_process']:>7.1f} art/s/process  peak RSS main {row['peak_rss_mb_main']:.0f} MB, "
              f"worker {row['peak_rss_mb_worker']:.0f} MB; peak heap main {row['peak_anon_mb_main']:.0f} MB, "
              f"worker {row['peak_anon_mb_worker']:.0f} MB", flush=True)
    rate = pure_rate()
    print(f"pure extract_article on one core: {rate} articles per CPU second")
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "seed": SEED,
        "pure_function_articles_per_cpu_second": rate,
        "runs": results,
    }
    (RESULTS / "extract_scaling.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    try:
        plot(results, RESULTS / "extract_scaling.png")
    except ImportError:
        print("matplotlib missing (pip install '.[bench]'): no plot written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
