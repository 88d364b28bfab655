"""CPU time of `landstrikes build` on the gold sources, split into interpreter start, imports and
the build itself (sources, builders, Parquet, card, validation), median of several fresh processes.

    python benchmarks/build_cpu.py                          # this checkout
    python benchmarks/build_cpu.py --rev 15e55ad            # an older commit
    python benchmarks/build_cpu.py --compare 2113df1        # an older commit and this checkout, run by run
    python benchmarks/build_cpu.py --without hypothesis     # as installed without the test extra

CPU is user + system time of the process (all its threads), from `resource.getrusage`. The
interpreter's own start is measured as `python -c pass` and reported apart, as is the time to
import `landstrikes.cli` and `landstrikes.build` (pandas, pyarrow, pandera: what any validating
build needs). The build's CPU is also split by step (reading the sources, the builders, writing
Parquet, the card with its statistics, validation, the swap). With `--compare`, the two
versions alternate run by run, so a change in the machine's load falls on both alike.
`--without PKG` makes PKG unimportable in the measured process: pandera imports hypothesis (a
test dependency here, 0.15 CPU-s) when it is installed, a user's `pip install landstrikes` not.
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
import json, os, resource, sys
class _Without:
    names = set(filter(None, os.environ.get("BUILD_CPU_WITHOUT", "").split(",")))
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r} (hidden by build_cpu.py)", name=name)
        return None
sys.meta_path.insert(0, _Without())
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
start = cpu()
import landstrikes.cli, landstrikes.build
imported = cpu()
steps = {}
def timed(module, name, step):
    function = getattr(module, name, None)
    if function is None:
        return
    def wrapper(*args, **kwargs):
        begin = cpu()
        try:
            return function(*args, **kwargs)
        finally:
            steps[step] = steps.get(step, 0.0) + cpu() - begin
    setattr(module, name, wrapper)
build = sys.modules["landstrikes.build"]
for name, step in (("load_corpus", "sources"), ("build_tables", "sources+builders"), ("write_dataset", "parquet"),
                   ("write_card", "card"), ("validate", "validate"), ("install", "swap")):
    timed(build, name, step)
code = landstrikes.cli.main(["build", "--dataset", sys.argv[1]])
done = cpu()
if "sources+builders" in steps:
    steps["builders"] = steps.pop("sources+builders") - steps.get("sources", 0.0)
print(json.dumps({"start": start, "import": imported - start, "build": done - imported, "exit": code,
                  "steps": steps, "module": landstrikes.__file__,
                  "modules": sorted(m for m in ("hypothesis", "datasets", "matplotlib", "jinja2") if sys.modules.get(m))}))
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


def _env(tmp: Path, rev: str | None, without: list[str]) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "BUILD_CPU_WITHOUT": ",".join(without)}
    if rev:
        env["PYTHONPATH"] = str(package_at(rev, tmp / f"rev-{rev}"))
    return env


def _sample(tmp: Path, env: dict, i: int) -> dict:
    dataset = sources_copy(tmp / f"run{i}-{len(list(tmp.iterdir()))}")
    out = subprocess.run([sys.executable, "-c", PROBE, str(dataset)], capture_output=True, text=True,
                         env=env, cwd=tmp, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _summary(rev: str | None, samples: list[dict], bare: list[float]) -> dict:
    def median(key):
        return round(statistics.median(s[key] for s in samples), 3)

    steps = sorted({k for s in samples for k in s["steps"]})
    return {
        "rev": rev or "working tree",
        "module": samples[0]["module"],
        "runs": len(samples),
        "interpreter_start_s": round(statistics.median(bare), 3),
        "import_s": median("import"),
        "build_s": median("build"),
        "import_plus_build_s": round(statistics.median(s["import"] + s["build"] for s in samples), 3),
        "build_min_s": round(min(s["build"] for s in samples), 3),
        "steps_s": {k: round(statistics.median(s["steps"].get(k, 0.0) for s in samples), 3) for k in steps},
        "optional_modules_loaded": samples[0]["modules"],
        "exit_codes": sorted({s["exit"] for s in samples}),
    }


def measure(runs: int, revs: list[str | None], without: list[str]) -> list[dict]:
    """Each version's medians; the versions alternate run by run."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        envs = [_env(tmp, rev, without) for rev in revs]
        samples: list[list[dict]] = [[] for _ in revs]
        bare = []
        for i in range(runs):
            for env, mine in zip(envs, samples):
                mine.append(_sample(tmp, env, i))
            bare.append(cpu_of([sys.executable, "-c", "pass"], envs[0]))
    return [_summary(rev, mine, bare) for rev, mine in zip(revs, samples)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", help="git revision to measure instead of this checkout")
    parser.add_argument("--compare", metavar="REV", help="measure REV and this checkout, alternating")
    parser.add_argument("--without", action="append", default=[], metavar="PKG",
                        help="make PKG unimportable in the measured build (repeatable)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    revs = [args.compare, None] if args.compare else [args.rev]
    result = measure(args.runs, revs, args.without)
    if args.without:
        for entry in result:
            entry["without"] = args.without
    print(json.dumps(result[0] if len(result) == 1 else result, indent=2))


if __name__ == "__main__":
    main()
