"""Where chunk jobs and partition checks run: in this machine's processes, or on an engine.

`local` is the process pool `landstrikes extract` always had; `ray` runs the very same pure
functions (`extract_chunk(job)`, one partition's checks) as Ray tasks, on one machine or a
cluster. Only the scheduler changes: inputs, outputs and results are the same objects.
"""

from __future__ import annotations

ENGINES = ("local", "ray")
"""Values of `--engine`; `ray` needs the optional extra `pip install 'landstrikes[engine]'`."""


class EngineUnavailable(Exception):
    """The chosen engine is not installed or cannot start (a one-line reason, exit 2)."""


class WorkerLost(EngineUnavailable):
    """A worker process died (killed: the out-of-memory killer, `kill -9`) before returning its
    task's result, so the run cannot complete: one line, exit 2, nothing written (attack22)."""

    def __init__(self, what: str):
        super().__init__(f"a worker process died (killed, e.g. by the out-of-memory killer) while {what}; "
                         "nothing was written; run it again, with fewer --num-proc if memory ran out [worker-lost]")


def map_ordered(engine: str, function, items: list, num_proc: int = 1):
    """function(item) for every item, yielded in item order, on the chosen engine."""
    if engine == "local":
        from landstrikes.engines.local import map_ordered as run
    elif engine == "ray":
        from landstrikes.engines.ray_engine import map_ordered as run
    else:
        raise EngineUnavailable(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    yield from run(function, items, num_proc)


def start(engine: str, num_proc: int = 1) -> None:
    """Start the engine now (before any work), so an unusable engine refuses up front."""
    if engine == "ray":
        from landstrikes.engines.ray_engine import ensure_started

        ensure_started(num_proc)
    elif engine != "local":
        raise EngineUnavailable(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
