"""CPU time of `landstrikes build` on the gold sources, split into interpreter start, imports and
the build itself (sources, builders, Parquet, card, validation), median of several fresh processes.

    python benchmarks/build_cpu.py                    # this checkout
    python benchmarks/build_cpu.py --rev 15e55ad      # an older commit, for a before/after figure

CPU is user + system time of the process (all its threads), from `resource.getrusage`. The
interpreter's own start is measured as `python -c pass` and reported apart, as is the time to
import `landstrikes.build` (pandas, pyarrow, pandera: what any validating build needs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PROBE = r"""
import json, resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start = cpu()
import landstrikes.cli, landstrikes.build
imported = cpu()
code = landstrikes.cli.main(["build", "--dataset", sys.argv[1]])
done = cpu()
print(json.dumps({"start": start, "import": imported - start, "build": done - imported, "exit": code,
                  "module": landstrikes.__file__}))
"""


def package_at(rev: str, into: Path) -> Path:
    """`landstrikes` as it was at rev, laid out as setuptools' package-dir maps it."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "scripts", "schema"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into / "src", filter="data")
    package = into / "pkg" / "landstrikes"
    shutil.copytree(into / "src" / "scripts", package)
    shutil.copytree(into / "src" / "schema", package / "schema")
    return into / "pkg"


def sources_copy(into: Path) -> Path:
    folder = into / "dataset"
    folder.mkdir(parents=True)
    for part in ("raw", "annotations"):
        shutil.copytree(REPO / "dataset" / part, folder / part)
    shutil.copy2(REPO / "dataset" / "agreement.json", folder / "agreement.json")
    return folder


def cpu_of(cmd: list[str], env: dict) -> dict:
    code = "import resource, subprocess, sys, json; subprocess.run(sys.argv[1:], check=True, capture_output=True); " \
           "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(r.ru_utime + r.ru_stime)"
    return float(subprocess.run([sys.executable, "-c", code, *cmd], check=True, capture_output=True, text=True,
                                env=env).stdout)


def measure(runs: int, rev: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        if rev:
            env["PYTHONPATH"] = str(package_at(rev, tmp))
        samples = []
        for i in range(runs):
            dataset = sources_copy(tmp / f"run{i}")
            out = subprocess.run([sys.executable, "-c", PROBE, str(dataset)], capture_output=True, text=True,
                                 env=env, cwd=tmp, check=True).stdout
            samples.append(json.loads(out.strip().splitlines()[-1]))
        bare = [cpu_of([sys.executable, "-c", "pass"], env) for _ in range(runs)]
    module = samples[0]["module"]
    return {
        "rev": rev or "working tree",
        "module": module,
        "runs": runs,
        "interpreter_start_s": round(statistics.median(bare), 3),
        "import_s": round(statistics.median(s["import"] for s in samples), 3),
        "build_s": round(statistics.median(s["build"] for s in samples), 3),
        "build_min_s": round(min(s["build"] for s in samples), 3),
        "exit_codes": sorted({s["exit"] for s in samples}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", help="git revision to measure instead of this checkout")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(measure(args.runs, args.rev), indent=2))


if __name__ == "__main__":
    main()
