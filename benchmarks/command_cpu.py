"""CPU time of whole `landstrikes` commands (interpreter start included), and which heavy
libraries each one imports: the cost of a command the user pays, import by import.

    python benchmarks/command_cpu.py                        # this checkout, 5 runs per command
    python benchmarks/command_cpu.py --compare 6edb727      # an older commit and this checkout, run by run
    python benchmarks/command_cpu.py --commands version verify

Each run is a fresh process `python -c <probe> ARGS...` from the repository root; its CPU is
user + system time of that child (all its threads), read with `RUSAGE_CHILDREN` by a parent that
runs nothing else, as `/usr/bin/time -f %U+%S` would report it. With `--compare`, the two
versions alternate run by run (old, new, old, new, ...), so a change in the machine's load falls
on both alike; figures are medians. `build` runs on a fresh copy of the gold sources each time.
The probe prints, at exit, which of the heavy libraries the command left in `sys.modules`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from build_cpu import package_at, sources_copy  # noqa: E402

HEAVY = ("pandas", "pandera", "pyarrow", "numpy", "yaml", "datasets", "ahocorasick_rs")
PROBE = f"""
import atexit, os, sys
@atexit.register
def _modules():
    loaded = [m for m in {HEAVY!r} if sys.modules.get(m) is not None]
    os.write(int(os.environ["COMMAND_CPU_FD"]), (",".join(loaded) + "\\n").encode())
from landstrikes.cli import main
sys.argv[0] = "landstrikes"
sys.exit(main(sys.argv[1:]))
"""
COMMANDS = {
    "version": ["--version"],
    "verify": ["verify"],
    "verify 2.0.0": ["verify", "2.0.0"],
    "diff 1.0.0 2.0.0": ["diff", "1.0.0", "2.0.0"],
    "stats --check": ["stats", "--check"],
    "validate": ["validate", "dataset"],
    "build": ["build", "--dataset", "{sources}"],
}
PARENT = r"""
import os, resource, subprocess, sys
read, write = os.pipe()
env = {**os.environ, "COMMAND_CPU_FD": str(write)}
proc = subprocess.run(sys.argv[1:], pass_fds=(write,), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
os.close(write)
modules = os.read(read, 4096).decode().strip()
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(proc.returncode, r.ru_utime + r.ru_stime, modules, sep="\t")
"""


def run_once(args: list[str], env: dict) -> tuple[int, float, list[str]]:
    out = subprocess.run([sys.executable, "-c", PARENT, sys.executable, "-c", PROBE, *args], env=env, cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    code, cpu, modules = out.rstrip("\n").split("\t")
    return int(code), float(cpu), [m for m in modules.split(",") if m]


def measure(names: list[str], runs: int, revs: list[str | None]) -> dict:
    results: dict = {name: {rev or "working tree": [] for rev in revs} for name in names}
    seen: dict = {name: {} for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        envs = {}
        for rev in revs:
            env = {**os.environ, "HF_HUB_OFFLINE": "1"}
            if rev:
                env["PYTHONPATH"] = str(package_at(rev, tmp / f"rev-{rev}"))
            envs[rev or "working tree"] = env
        for i in range(runs):
            for name in names:
                for label, env in envs.items():
                    args = COMMANDS[name]
                    if "{sources}" in args:
                        sources = sources_copy(tmp / f"{label}-{name}-{i}".replace(" ", "_"))
                        args = [a.replace("{sources}", str(sources)) for a in args]
                    code, cpu, modules = run_once(args, env)
                    results[name][label].append(cpu)
                    seen[name][label] = {"exit": code, "modules": modules}
    return {
        name: {
            label: {"median_cpu_s": round(statistics.median(cpus), 3), "runs": [round(c, 3) for c in cpus], **seen[name][label]}
            for label, cpus in per.items()
        }
        for name, per in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", metavar="REV", help="measure REV and this checkout, alternating")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--commands", nargs="+", choices=list(COMMANDS), default=list(COMMANDS), metavar="NAME",
                        help=f"commands to run (default all: {', '.join(COMMANDS)})")
    args = parser.parse_args()
    revs = [args.compare, None] if args.compare else [None]
    load = os.getloadavg()
    result = measure(args.commands, args.runs, revs)
    print(json.dumps({"load_average_before": [round(x, 2) for x in load],
                      "load_average_after": [round(x, 2) for x in os.getloadavg()], "commands": result}, indent=2))
    for name, per in result.items():
        cells = "  ".join(f"{label}: {e['median_cpu_s']:.2f} CPU-s [{' '.join(e['modules']) or '-'}] exit {e['exit']}"
                          for label, e in per.items())
        print(f"{name:18} {cells}", file=sys.stderr)


if __name__ == "__main__":
    main()
