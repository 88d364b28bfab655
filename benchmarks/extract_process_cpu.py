"""CPU of `python -m landstrikes extract` as a user runs it, REV's code and this checkout's alternating.

    python benchmarks/extract_process_cpu.py --compare main --n 2000 --num-proc 1 2 --runs 5 [--dev-news PATH]

`extract_cpu.py`'s probe calls `landstrikes.cli.main(argv)` and then prints its figures, so it
never sees how the process itself ends (the interpreter's teardown). This runs the real entry,
`python -m landstrikes extract RAW --out OUT --num-proc N` (as `landstrikes/__main__.py` does:
`sys.exit(main())`, argv from the command line), and reads user + system CPU of the process and
its workers with `os.wait4`. It also reads the main process's own CPU when `extract_folder` has
returned (written to a file by a wrapper around it), so "after the work" = the process's CPU
from then to its end (the summary line, the exit handlers, the interpreter's teardown): a figure
the machine's load hardly moves. The per-article function's CPU is summed in every process as
`extract_cpu.py`'s probe sums it, for the share outside it. Peak RSS: the largest process.
Medians of `--runs`; the load average is printed. Both codes run with their modules compiled to
bytecode first, as an installed wheel has them (pip compiles at install): with
PYTHONDONTWRITEBYTECODE set, REV's copy was otherwise compiled from source in every run (~0.05-0.1
CPU-s) and this checkout's only where its __pycache__ was missing (docs/notes/extract-outside7.md).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_cpu import REPO, package_at  # noqa: E402
from extract_cpu import PROBE  # noqa: E402
from corpora import CORPORA, default_dev_news, write_corpus  # noqa: E402


PROBE_WRAPPERS, _ = PROBE.split("code = landstrikes.cli.main(sys.argv[1:])")
"""extract_cpu.py's probe up to its call of main(argv): the same imports and the same sums of the
per-article function's CPU (each chunk appends its sum to $EXTRACT_CPU_INSIDE)."""
ENTRY = PROBE_WRAPPERS + r"""
import resource
work = run.extract_folder
def extract_folder(*args, **kwargs):
    try:
        return work(*args, **kwargs)
    finally:
        self, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(os.environ["EXTRACT_DONE_CPU"], "w") as handle:
            handle.write(str(self.ru_utime + self.ru_stime + children.ru_utime + children.ru_stime))
run.extract_folder = extract_folder
from landstrikes.cli import main
sys.argv = ["landstrikes", *sys.argv[1:]]
sys.exit(main())
"""


peak_mb: list[float] = []  # (of the latest run)


def process_cpu(raw: Path, out: Path, num_proc: int, env: dict) -> tuple[float, float, float]:
    """(CPU of the whole process and its workers, CPU after extract_folder returned, CPU inside
    the per-article function summed over every process)."""
    shutil.rmtree(out, ignore_errors=True)
    done_file = out.parent / "done-cpu"
    inside_file = Path(f"{done_file}.inside")
    inside_file.unlink(missing_ok=True)
    child = subprocess.Popen([sys.executable, "-c", ENTRY, "extract", str(raw), "--out", str(out), "--num-proc", str(num_proc)],
                             env={**env, "EXTRACT_DONE_CPU": str(done_file), "EXTRACT_CPU_INSIDE": str(inside_file)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"extract exited {os.waitstatus_to_exitcode(status)}")
    total = usage.ru_utime + usage.ru_stime
    peak_mb.append(usage.ru_maxrss / 1024)
    return total, total - float(done_file.read_text()), sum(float(line.split()[1]) for line in inside_file.read_text().splitlines())  # (pid, CPU-s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=CORPORA, default="news")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--num-proc", type=int, nargs="+", default=[1])
    parser.add_argument("--dev-news", type=Path, default=default_dev_news())
    parser.add_argument("--compare", metavar="REV", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="extract-process-") as tmp:
        tmp = Path(tmp)
        raw = tmp / "raw"
        write_corpus(args.corpus, raw, args.n, args.dev_news)
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        versions = {args.compare: {**env, "PYTHONPATH": str(package_at(args.compare, tmp / "rev"))}, "this checkout": env}
        for folder in (tmp / "rev", REPO / "scripts", REPO / "schema"):  # (both codes as installed: bytecode compiled)
            compileall.compile_dir(str(folder), quiet=1)
        for num_proc in args.num_proc:
            samples: dict[str, list[tuple[float, float, float]]] = {label: [] for label in versions}
            load = os.getloadavg()[0]
            peaks: dict[str, list[float]] = {}
            for _ in range(args.runs):
                for label, env_ in versions.items():
                    samples[label].append(process_cpu(raw, tmp / "out", num_proc, env_))
                    peaks.setdefault(label, []).append(peak_mb[-1])
            print(f"{args.corpus} {args.n} articles, --num-proc {num_proc}, medians of {args.runs} "
                  f"(load {load:.1f} -> {os.getloadavg()[0]:.1f}):")
            for label, runs in samples.items():
                med = statistics.median(total for total, _, _ in runs)
                after = statistics.median(late for _, late, _ in runs)
                outside = statistics.median((total - inside) / total for total, _, inside in runs)
                print(f"  {label[:14]:>14}: {med:.3f} CPU-s  {args.n / med:.1f} articles/CPU-s  outside extract_article "
                      f"{outside:.1%}  peak RSS {statistics.median(peaks[label]):.0f} MB  (all: {', '.join(f'{c:.2f}' for c, _, _ in runs)}); after the work {after:.3f} CPU-s "
                      f"(all: {', '.join(f'{c:.3f}' for _, c, _ in runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
