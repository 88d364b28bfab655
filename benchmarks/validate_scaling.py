"""How `validate(path)` scales: wall time and peak memory vs rows, and one very large article.

    python benchmarks/validate_scaling.py                        # 10^3 .. 10^6 quote rows, both series
    python benchmarks/validate_scaling.py --series quotes        # only the quotes-scaled series
    python benchmarks/validate_scaling.py --large-article-mb 256 1024   # big-article runs

Each size is a synthetic corpus (benchmarks/synthesize.py: the real corpus replicated with
fresh consistent ids, so every table keeps its distributions and every check still passes).
Two series: "all" replicates every annotation table; "quotes" replicates only the quotes and
what they need to stay valid (`synthesize.QUOTE_TABLES`: their articles, mentions, segments,
quality rows), while claims, claim clusters and stances stay at the real corpus's size.
Each run is a fresh child process that imports the package, then times the full
`validate(path)` (Pandera + every cross-table check). Peak memory is the child's VmHWM from
/proc/self/status (peak resident set size; not ru_maxrss, which on Linux carries over the
parent's peak across fork+exec), reported as-is and minus the same figure taken after imports. Results go to
benchmarks/results/validate_scaling.json and a log-log plot next to it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthesize import QUOTE_TABLES, large_article, replicate  # noqa: E402

SERIES = {"all": None, "quotes": QUOTE_TABLES}
"""Series name -> tables replicated (None: every annotation table)."""

CHILD = """
import json, re, sys, time
from landstrikes.schema import validate
def hwm():  # peak RSS of this process image in KiB (VmHWM: reset by exec, unlike ru_maxrss)
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
base = hwm()
timings = {}
begin = time.perf_counter()
report = validate(sys.argv[1], timings)
seconds = time.perf_counter() - begin
peak = hwm()
print(json.dumps({"seconds": seconds, "peak_rss_mb": peak / 1024, "import_rss_mb": base / 1024,
                  "valid": report.ok, "findings": len(report.findings),
                  "rows": {n: t.rows for n, t in report.tables.items()}, "stages": timings}))
"""


def measure(path: Path) -> dict:
    """One validate run in a fresh interpreter, so peak memory is this run's alone."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def scaling(sizes: list[int], work: Path, series: str = "all") -> list[dict]:
    base_quotes = replicate_rows(REPO / "dataset")
    runs = []
    for size in sizes:
        copies = math.ceil(size / base_quotes)
        folder = work / f"{series}-{size}"
        began = time.perf_counter()
        replicate(REPO / "dataset", folder, copies, SERIES[series])
        made = time.perf_counter() - began
        load = os.getloadavg()[0]  # other jobs on the machine: recorded, since they slow the run
        result = measure(folder)
        result.update(target_quote_rows=size, copies=copies, synthesis_seconds=round(made, 1), series=series,
                      load_average_1min=round(load, 2))
        result["annotation_rows"] = sum(v for k, v in result["rows"].items() if k not in ("articles", "entities", "stance_targets"))
        runs.append(result)
        shutil.rmtree(folder)
        print(f"[{series}] quotes {result['rows']['quotes']:>9,}  all annotation rows {result['annotation_rows']:>10,}  "
              f"{result['seconds']:7.2f} s  peak {result['peak_rss_mb']:8.0f} MB  valid={result['valid']}  load {load:.1f}", flush=True)
    return runs


def replicate_rows(dataset: Path) -> int:
    from landstrikes.schema.tableio import read_arrow

    return read_arrow(dataset / "data" / "quotes").num_rows


def large_articles(megabytes: list[int], work: Path) -> list[dict]:
    runs = []
    for mb in megabytes:
        folder = work / f"article-{mb}mb"
        # FILLER is 17 code points and 26 UTF-8 bytes: size the article by its UTF-8 bytes
        info = large_article(REPO / "dataset", folder, chars=int(mb * 1e6 * 17 / 26))
        result = measure(folder)
        result.update(info, target_mb=mb)
        runs.append(result)
        print(f"article {info['article_utf8_bytes'] / 1e6:8.0f} MB UTF-8 ({info['article_chars']:,} code points)  "
              f"{result['seconds']:7.2f} s  peak {result['peak_rss_mb']:8.0f} MB  valid={result['valid']}", flush=True)
    return runs


def read_and_pandera_seconds(run: dict) -> float:
    """Reading and Pandera run pipelined, table by table, as one stage."""
    stages = run["stages"]
    return stages.get("read_and_pandera", stages.get("read", 0.0) + stages.get("pandera", 0.0))


def cross_check_seconds(run: dict) -> float:
    """Wall time of the cross-table checks: they run in parallel, so their stage times overlap
    and do not add up; this is what is left of the run after reading, Pandera and indexing."""
    return run["seconds"] - read_and_pandera_seconds(run) - run["stages"].get("index_texts", 0.0)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right, big) = plt.subplots(1, 3, figsize=(15, 4.5))
    styles = {"scaling": ("C0", "all tables scaled"), "quotes_only": ("C1", "only quotes (+ what they need) scaled")}
    for key, (color, label) in styles.items():
        runs = results.get(key)
        if not runs:
            continue
        rows = [r["rows"]["quotes"] for r in runs]
        left.loglog(rows, [r["seconds"] for r in runs], "o-", color=color, label=f"validate, {label}")
        left.loglog(rows, [cross_check_seconds(r) for r in runs], "^--", color=color, alpha=0.7, label=f"cross-table checks (wall), {label}")
        left.loglog(rows, [read_and_pandera_seconds(r) for r in runs], "s:", color=color, alpha=0.7, label=f"read + Pandera, {label}")
        right.loglog(rows, [r["peak_rss_mb"] for r in runs], "o-", color=color, label=f"peak RSS, {label}")
        right.loglog(rows, [r["peak_rss_mb"] - r["import_rss_mb"] for r in runs], "s--", color=color, alpha=0.7, label=f"minus imports, {label}")
        if key == "scaling":
            left.loglog(rows, [runs[-1]["seconds"] * x / rows[-1] for x in rows], ":", color="grey", label="linear (through largest)")
    left.axhline(10, color="red", lw=0.8, label="10 s target")
    left.set(xlabel="quote rows", ylabel="wall time, s", title="Time")
    left.legend(fontsize=6.5, loc="upper left")
    right.set(xlabel="quote rows", ylabel="MB", title="Peak memory")
    right.legend(fontsize=6.5)
    large = results.get("large_article") or []
    if large:
        mb = [r["article_utf8_bytes"] / 1e6 for r in large]
        big.loglog(mb, [r["seconds"] for r in large], "o-", color="C2", label="validate, s")
        big.loglog(mb, [r["peak_rss_mb"] for r in large], "s--", color="C3", label="peak RSS, MB")
        big.loglog(mb, mb, ":", color="grey", label="the article's UTF-8 size, MB")
        big.set(xlabel="one article, MB of UTF-8", title="One very large article")
        big.legend(fontsize=6.5, loc="upper left")
    fig.suptitle("landstrikes validate: synthetic corpora (2-core machine)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--sizes", type=float, nargs="*", default=[1e3, 1e4, 1e5, 1e6], help="quote rows per corpus")
    args.add_argument("--series", choices=["all", "quotes", "both"], default="both", help="which tables grow")
    args.add_argument("--large-article-mb", type=int, nargs="*", default=[], help="UTF-8 MB of one article")
    args.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "landstrikes-bench")
    args.add_argument("--out", type=Path, default=HERE / "results" / "validate_scaling.json")
    opts = args.parse_args(argv)
    results = json.loads(opts.out.read_text()) if opts.out.exists() else {}
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                          "note": "wall times vary from run to run; each run records the load average before it"}
    sizes = [int(s) for s in opts.sizes]
    if sizes and opts.series in ("all", "both"):
        results["scaling"] = scaling(sizes, opts.work, "all")
    if sizes and opts.series in ("quotes", "both"):
        results["quotes_only"] = scaling(sizes, opts.work, "quotes")
    if opts.large_article_mb:
        runs = {r["target_mb"]: r for r in results.get("large_article", [])}
        runs.update((r["target_mb"], r) for r in large_articles(opts.large_article_mb, opts.work))
        results["large_article"] = [runs[mb] for mb in sorted(runs)]
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(json.dumps(results, indent=2) + "\n")
    if results.get("scaling") or results.get("quotes_only") or results.get("large_article"):
        plot(results, opts.out.with_suffix(".png"))
    print(f"wrote {opts.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
