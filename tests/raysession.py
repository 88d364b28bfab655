"""One Ray session for consecutive tests that use Ray in this process (the `ray_session` fixture).

Starting Ray costs seconds (its daemons and workers; ~7.5 s, and 1.6 s to shut it down, on the
loaded 2-core machine), and test_engine_placement and test_engine each started their own. Now a
test that uses `ray_session` (directly or through a fixture that does, such as test_engine's
`ray_out`) finds Ray running with two CPUs, as before; Ray is shut down after a test when the next
test on this worker does not use it, so its daemons never run beside other tests, and a later
test that uses it starts it again. For the session to be shared the tests must come one after
another on one worker: `slowfirst.py` deals both modules to one worker as one unit and puts their
Ray tests next to each other."""

from __future__ import annotations

import sys

import pytest

RAY_SKIP = "the ray engine is not installed; enable with: pip install -c constraints.txt -e '.[engine]'"


def _uses_ray(item) -> bool:
    return item is not None and "ray_session" in getattr(item, "fixturenames", ())


def _started():
    ray = pytest.importorskip("ray", reason=RAY_SKIP)
    from landstrikes.engines.ray_engine import ensure_started

    ensure_started(2)
    return ray


@pytest.fixture(scope="session")
def ray_session():
    """Ray running with two CPUs (started by `pytest_runtest_setup` below, before the test's fixtures)."""
    return _started()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    if _uses_ray(item):
        _started()  # again, if it was shut down after an earlier test (the session fixture is made once)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem) -> None:
    ray = sys.modules.get("ray")  # None where the engine is not installed (the test was skipped)
    if ray is not None and _uses_ray(item) and not _uses_ray(nextitem) and ray.is_initialized():
        ray.shutdown()
