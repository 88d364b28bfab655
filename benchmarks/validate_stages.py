"""Where validate's user CPU goes: each stage and cross check timed one after the other.

    python benchmarks/validate_stages.py FOLDER     # e.g. a corpus from benchmarks/synthesize.py

validate runs with one worker (its checks one after another), and each stage (reading, Arrow
checks, the Pandera-rule gate, to_pandas, indexing the texts, every cross check) is charged the
process's user time (`getrusage`) it took. Where frames are made on demand (`LazyFrame`), their
making is also shown as `frames_on_demand` (it is inside the time of the check that asked first). validate is imported as `landstrikes validate` imports it (huge pages declined, pyarrow
imported with pandas refused, the imported objects frozen for the collector), so no stage pays
for an import of pandas that the command never makes. Beside the user time each stage shows its
system time and minor page faults (first touches of fresh 4 KiB pages, what the system time
mostly pays for: validate declines huge pages): the stages are sorted by user time, the steadier
figure, since on the shared VM the cost of a fault varies with load several-fold (see
docs/notes/validate-floor.md). A stage's faults are not only its own memory: a temporary that
the allocator gave back to the kernel is faulted again by whichever stage asks next
(docs/notes/valspeed20.md). Shared indexes are charged to the check that asks first.
Run an older copy of the code with PYTHONPATH=DIR (DIR holding landstrikes/) to compare.
"""

from __future__ import annotations

import collections
import importlib
import resource
import sys
import time


def usage() -> tuple[float, float, int]:
    """User and system CPU-s and minor page faults (first touches of fresh 4 KiB pages) so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime, r.ru_stime, r.ru_minflt


def imported_as_the_command_does():
    """The validate module, imported as cmd_validate imports it. Without this, pyarrow's pandas
    shim imported pandas inside the first stage that built an array from a Python list
    (check_arrow_table: 0.15 of its 0.2 user CPU-s at 10^5, validate8). Older copies of the code
    (PYTHONPATH) may lack a helper: then it is skipped, as validate_floor.py skips it."""
    try:
        from landstrikes.hugepages import decline_transparent_huge_pages
        decline_transparent_huge_pages()
    except ImportError:
        pass
    from landstrikes.leanimports import arrow_without_implicit_pandas
    arrow_without_implicit_pandas()
    validation = importlib.import_module("landstrikes.schema.validate")  # the module, not the function
    try:
        from landstrikes.leanimports import older_objects_frozen
        older_objects_frozen().__enter__()
    except ImportError:
        pass
    return validation


def main(folder: str) -> None:
    validation = imported_as_the_command_does()
    validation._workers = lambda *folder: 1  # one worker (older copies of the code ask with no folder)
    spent: dict[str, list] = collections.defaultdict(lambda: [0.0, 0.0, 0])

    def charged(name, function):
        def run(*args, **kwargs):
            begin = usage()
            try:
                return function(*args, **kwargs)
            finally:
                for i, (now, then) in enumerate(zip(usage(), begin)):
                    spent[name][i] += now - then
        return run

    for name in ("read_parts", "check_arrow_table", "to_pandas", "keeps_pandera_rules", "columns_breaking_rules"):
        if hasattr(validation, name):  # the gate's name: keeps_pandera_rules before cispeed12, columns_breaking_rules after
            setattr(validation, name, charged(name, getattr(validation, name)))
    corpus = importlib.import_module("landstrikes.schema.checkcorpus")
    if hasattr(corpus, "LazyFrame"):  # frames made on demand, inside the check that first reads one
        corpus.to_pandas = charged("frames_on_demand", corpus.to_pandas)

    class Stopwatch:
        def __init__(self, timings):
            pass

        def run(self, stage, function, *args):
            return charged(stage, function)(*args)

    validation._Stopwatch = Stopwatch
    begin, wall = usage(), time.perf_counter()
    report = validation.validate(folder)
    user, system, faults = (now - then for now, then in zip(usage(), begin))
    print(f"total {user:.2f} user CPU-s ({system:.2f} system, {faults:,} minor faults), wall {time.perf_counter() - wall:.2f} s,"
          f" {len(report.findings)} findings{', pandas imported' if 'pandas' in sys.modules else ''}")
    print(f"  {'stage':32s} {'user':>6s} {'system':>6s} {'faults':>8s}")
    for name, (user, system, faults) in sorted(spent.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:32s} {user:6.3f} {system:6.3f} {faults:8,d}")


if __name__ == "__main__":
    main(sys.argv[1])
