"""The Ray engine: each item is one Ray task running the same pure function as the local pool.

Ray is started once per process (a local cluster of `num_proc` CPUs, or the cluster named by
RAY_ADDRESS when that is set) and reused. At most a few tasks per CPU are in flight, so the
driver holds a bounded number of results however many chunks there are; results come back in
item order, so output and reports do not depend on scheduling.
"""

from __future__ import annotations

import os

from landstrikes.engines import EngineUnavailable, WorkerLost

IN_FLIGHT_PER_CPU = 4
"""Tasks submitted ahead per CPU: keeps workers busy without queueing the whole corpus."""


def ensure_started(num_proc: int = 1):
    """The `ray` module with a running runtime; EngineUnavailable with a one-line reason if not."""
    try:
        import ray
    except ImportError as exc:
        raise EngineUnavailable("the ray engine is not installed: pip install 'landstrikes[engine]'") from exc
    if not ray.is_initialized():
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        options = dict(include_dashboard=False, log_to_driver=False, configure_logging=True, logging_level="ERROR")
        if not os.environ.get("RAY_ADDRESS"):
            options["num_cpus"] = max(1, num_proc)
        try:
            ray.init(**options)
        except Exception as exc:  # noqa: BLE001 - any start-up failure is one line, exit 2
            raise EngineUnavailable(f"ray could not start: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}") from exc
    return ray


def map_ordered(function, items: list, num_proc: int = 1):
    """function(item) for every item as Ray tasks, yielded in item order."""
    ray = ensure_started(num_proc)
    task = ray.remote(num_cpus=1, max_retries=2)(_apply)
    window = max(1, int(ray.cluster_resources().get("CPU", num_proc))) * IN_FLIGHT_PER_CPU
    pending = []
    for item in items:
        pending.append(task.remote(function, item))
        if len(pending) >= window:
            yield _result(ray, pending.pop(0))
    for ref in pending:
        yield _result(ray, ref)


def _result(ray, ref):
    """A task's result; WorkerLost when its worker (or node) died on every try, as the local
    engine says it: Ray's WorkerCrashedError reached the CLI as `[internal-error]` (attack23)."""
    lost = tuple(getattr(ray.exceptions, name) for name in _LOST if hasattr(ray.exceptions, name))
    try:
        return ray.get(ref)
    except lost:
        raise WorkerLost("running its task on Ray") from None


_LOST = ("WorkerCrashedError", "NodeDiedError", "OutOfMemoryError", "ObjectLostError")
"""Ray's errors for a task whose process, node or result is gone (not an error the task raised)."""


def _apply(function, item):
    """The task body: any callable (a function is sent by reference, as the pool pickles it)."""
    return function(item)
