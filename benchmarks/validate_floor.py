"""validate against its floor: CPU time of `validate(path)` and of a bare read of the same tables.

    python benchmarks/validate_floor.py                      # 10^5 and 10^6 quote rows, 3 runs each
    python benchmarks/validate_floor.py --sizes 1e5 --repeats 5
    python benchmarks/validate_floor.py --series all         # every annotation table grows
    python benchmarks/validate_floor.py --before /tmp/old    # also the code in /tmp/old (a folder
                                                             # holding landstrikes/), in the same runs

The floor is what any checker must at least do: `pyarrow.parquet.read_table` of every table
folder plus `pyarrow.compute.utf8_length` over every string column (list items included), so it
too touches every byte of every string. Its imports (pyarrow.dataset too, which read_table
imports on first use) are paid before the clock starts, as validate's module imports are. Both sides run in fresh child processes on the same
synthetic corpus (benchmarks/synthesize.py), alternating validate, floor, validate, floor, ...
so a burst of load from other jobs on this shared machine hits both; each figure is the median
of `--repeats` runs. With `--before DIR`, validate of an older copy of the code (DIR on
PYTHONPATH, ahead of the installed package) runs as a third side in the same alternation
(before, validate, floor, before, ...), so a before/after comparison shares the machine's load.

validate is imported as `landstrikes validate` imports it (`--probe command`, the default): pyarrow
first, with pandas refused, so pyarrow never imports pandas by itself and validate of sound tables
imports none. `--probe library` imports it plainly, as a library user might: then pyarrow's pandas
shim imports pandas (~0.2-0.3 user CPU-s) inside the call, on the first array built from a Python
list (the floor's process has pandas imported before its clock, by pyarrow.dataset).

CPU is user + system time of the child process, all its threads included
(`resource.getrusage(RUSAGE_SELF)`), taken around the call alone ("call") and for the whole
process ("process": interpreter start and imports too). User time around the call is printed
beside it ("user"): on a loaded VM the system half (first-touch page faults) varies several-fold
from run to run, and hides differences the user half shows; the minor page faults of the call
("faults": first touches of fresh pages, what that system time mostly pays for) are counted too
(their number varies less than their cost, but it varies: 38,000-60,000 at 10^5 in one evening). The ratio of the call figures is the
one the target is about (issue 19: <= 3x), taken against the floor read on validate's terms
(`FLOOR_SAME_PAGES`: huge pages declined, as the command declines them); the bare floor's ratio
and the process ratio are printed beside it. Wall time and
peak RSS (VmHWM) are those of the child. Results go to benchmarks/results/validate_floor.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthesize import QUOTE_TABLES, replicate  # noqa: E402

SERIES = {"all": None, "quotes": QUOTE_TABLES}
"""Series name -> tables replicated (None: every annotation table)."""

_PROBE = """
import json, re, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
def user():
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime
def faults():  # minor page faults (first touches of fresh pages): what the system time mostly pays for
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
def hwm():  # peak RSS of this process image in KiB (VmHWM: reset by exec, unlike ru_maxrss)
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
{imports}
cpu0, user0, faults0, wall0 = cpu(), user(), faults(), time.perf_counter()
{call}
wall, call_cpu, call_user, call_faults = time.perf_counter() - wall0, cpu() - cpu0, user() - user0, faults() - faults0
print(json.dumps({{"call_cpu": call_cpu, "call_user_cpu": call_user, "call_minor_faults": call_faults, "process_cpu": cpu(), "wall": wall, "peak_rss_mb": hwm() / 1024, "result": result}}))
"""

_VALIDATE_CALL = ("report = validate(sys.argv[1])\n"
                  "result = {'valid': report.ok, 'findings': len(report.findings), 'quotes': report.tables['quotes'].rows}")

VALIDATE = _PROBE.format(
    # as `landstrikes validate` imports it (cli.cmd_validate): pyarrow first, with pandas refused, so
    # that pyarrow never imports pandas by itself (its shim does on the first array built from a
    # Python list); validate of sound tables then imports no pandas, as the command does not
    imports="try:\n"
            "    from landstrikes.hugepages import decline_transparent_huge_pages\n"
            "    decline_transparent_huge_pages()  # as cmd_validate does (code before it: nothing to do)\n"
            "except ImportError:\n"
            "    pass\n"
            "from landstrikes.leanimports import arrow_without_implicit_pandas\n"
            "arrow_without_implicit_pandas()\n"
            "from landstrikes.schema import validate\n"
            "try:\n"
            "    from landstrikes.leanimports import older_objects_frozen\n"
            "    older_objects_frozen().__enter__()  # as cmd_validate does around validate (code before it: nothing to do)\n"
            "except ImportError:\n"
            "    pass",
    call=_VALIDATE_CALL,
)
VALIDATE_AS_LIBRARY = _PROBE.format(imports="from landstrikes.schema import validate", call=_VALIDATE_CALL)
"""validate as a library user calls it, in a process where pyarrow may import pandas (the pandas
import, ~0.2-0.3 user CPU-s, then falls inside the call): `--probe library`."""
PROBES = {"command": VALIDATE, "library": VALIDATE_AS_LIBRARY}

FLOOR = _PROBE.format(
    imports="import pyarrow as pa, pyarrow.compute as pc, pyarrow.dataset, pyarrow.parquet as pq\nfrom pathlib import Path",
    call="""\
chars = rows = 0
root = Path(sys.argv[1]) / "data"
for folder in sorted(p for p in root.iterdir() if p.is_dir()):
    table = pq.read_table(folder)
    rows += table.num_rows
    for column in table.columns:
        values = pc.list_flatten(column) if pa.types.is_list(column.type) else column
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            chars += pc.sum(pc.utf8_length(values)).as_py() or 0
result = {"rows": rows, "chars": chars}""",
)


FLOOR_SAME_PAGES = FLOOR.replace(
    "import pyarrow as pa,",
    "from landstrikes.hugepages import decline_transparent_huge_pages\n"
    "decline_transparent_huge_pages()  # as validate's probe does: the read on validate's terms\n"
    "import pyarrow as pa,", 1)
"""The floor with transparent huge pages declined, as `landstrikes validate` declines them. The
bare floor keeps the kernel's default, under which its few first touches each zero a 2 MiB page:
1.5-1.9 system CPU-s of a 1.8-2.4 CPU-s read at 10^5 (session 40), against 0.2-0.3 declined. A
ratio against the bare floor alone credits validate with a kernel setting the floor was denied;
both are printed, and the equal-terms one is the verdict (session 40)."""


def child(code: str, folder: Path, pythonpath: Path | None = None) -> dict:
    """One run in a fresh interpreter (its own CPU clock and peak memory); `pythonpath` puts an
    older copy of the code ahead of the installed package."""
    env = dict(os.environ, PYTHONPATH=str(pythonpath)) if pythonpath else None
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    """Median of each figure over the runs (the runs themselves are kept beside it)."""
    keys = ("call_cpu", "call_user_cpu", "call_minor_faults", "process_cpu", "wall", "peak_rss_mb")
    return {key: statistics.median(r[key] for r in runs) for key in keys if all(key in r for r in runs)}


def measure(size: int, work: Path, series: str, repeats: int, before: Path | None = None, probe: str = "command") -> dict:
    from landstrikes.schema.tableio import read_arrow

    base_quotes = read_arrow(REPO / "dataset" / "data" / "quotes").num_rows
    copies = math.ceil(size / base_quotes)
    folder = work / f"{series}-{size}"
    replicate(REPO / "dataset", folder, copies, SERIES[series])
    runs = {"validate": [], "floor": [], "floor_same_pages": [], **({"before": []} if before else {})}
    loads = []
    for _ in range(repeats):
        loads.append(os.getloadavg()[0])  # other jobs on the machine: recorded, they slow the wall time
        if before:
            runs["before"].append(child(PROBES[probe], folder, before))
        runs["validate"].append(child(PROBES[probe], folder))
        runs["floor"].append(child(FLOOR, folder))
        runs["floor_same_pages"].append(child(FLOOR_SAME_PAGES, folder))
    shutil.rmtree(folder)
    validate, floor, same = median_of(runs["validate"]), median_of(runs["floor"]), median_of(runs["floor_same_pages"])
    outcome = runs["validate"][0]["result"]
    extra = {}
    if before:
        old = median_of(runs["before"])
        extra = {"before": old, "before_code": str(before), "ratio_before_call_cpu": old["call_cpu"] / floor["call_cpu"],
                 "ratio_before_call_user_cpu": old["call_user_cpu"] / floor["call_user_cpu"],
                 "before_same_report": all(r["result"] == outcome for r in runs["before"])}
    return {
        "target_quote_rows": size, "quote_rows": outcome["quotes"], "copies": copies, "series": series, "probe": probe,
        "valid": outcome["valid"], "findings": outcome["findings"],
        "validate": validate, "floor": floor, "floor_same_pages": same,
        "ratio_call_cpu": validate["call_cpu"] / floor["call_cpu"],
        "ratio_call_cpu_same_pages": validate["call_cpu"] / same["call_cpu"],
        "ratio_call_user_cpu": validate["call_user_cpu"] / floor["call_user_cpu"],
        "ratio_process_cpu": validate["process_cpu"] / floor["process_cpu"],
        "load_average_1min": loads, "runs": runs, **extra,
    }


def line(r: dict) -> str:
    v, f = r["validate"], r["floor"]
    old = ""
    if "before" in r:
        b = r["before"]
        old = (f"[{r['series']}] quotes {r['quote_rows']:>9,}  before   {b['call_cpu']:6.2f} CPU-s  floor {f['call_cpu']:5.2f} CPU-s  "
               f"ratio {r['ratio_before_call_cpu']:4.2f}x  (user {b['call_user_cpu']:5.2f} / {f['call_user_cpu']:5.2f} = {r['ratio_before_call_user_cpu']:4.2f}x)  wall {b['wall']:5.2f} s  peak {b['peak_rss_mb']:6.0f} MB  "
               f"faults {b['call_minor_faults']:7.0f}  same report={r['before_same_report']}\n")
    return old + (f"[{r['series']}] quotes {r['quote_rows']:>9,}  validate {v['call_cpu']:6.2f} CPU-s  floor {f['call_cpu']:5.2f} CPU-s  "
            f"ratio {r['ratio_call_cpu']:4.2f}x  (user {v['call_user_cpu']:5.2f} / {f['call_user_cpu']:5.2f} = {r['ratio_call_user_cpu']:4.2f}x)  (whole process {v['process_cpu']:5.2f} / {f['process_cpu']:5.2f} = "
            f"{r['ratio_process_cpu']:4.2f}x)  wall {v['wall']:5.2f} s / {f['wall']:5.2f} s  "
            f"peak {v['peak_rss_mb']:6.0f} MB / {f['peak_rss_mb']:6.0f} MB  faults {v['call_minor_faults']:7.0f} / {f['call_minor_faults']:6.0f}  valid={r['valid']}  "
            f"load {statistics.median(r['load_average_1min']):.1f}"
            + (f"\n[{r['series']}] quotes {r['quote_rows']:>9,}  floor read on validate's terms (huge pages declined) "
               f"{r['floor_same_pages']['call_cpu']:5.2f} CPU-s: ratio {r['ratio_call_cpu_same_pages']:4.2f}x  <- the verdict"
               if "floor_same_pages" in r else ""))


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("--sizes", type=float, nargs="*", default=[1e5, 1e6], help="quote rows per corpus")
    args.add_argument("--series", choices=sorted(SERIES), default="quotes", help="which tables grow (default: quotes and what they need)")
    args.add_argument("--repeats", type=int, default=3, help="runs per side; the median is reported")
    args.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "landstrikes-bench")
    args.add_argument("--out", type=Path, default=HERE / "results" / "validate_floor.json")
    args.add_argument("--label", default="", help="a name for this run in the results file (e.g. before, after)")
    args.add_argument("--before", type=Path, help="a folder holding an older landstrikes/ package: run it too, alternating")
    args.add_argument("--probe", choices=sorted(PROBES), default="command",
                      help="import validate as the command does (default: pyarrow never imports pandas by itself) "
                           "or as a library user's plain import does (pandas may be imported inside the call)")
    opts = args.parse_args(argv)
    results = json.loads(opts.out.read_text()) if opts.out.exists() else {}
    runs = []
    for size in (int(s) for s in opts.sizes):
        runs.append(measure(size, opts.work, opts.series, opts.repeats, opts.before, opts.probe))
        print(line(runs[-1]), flush=True)
    label = opts.label or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    results[label] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "commit": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "repeats": opts.repeats, "runs": runs,
    }
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {opts.out} [{label}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
