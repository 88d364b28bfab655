"""A Ray worker that dies on every try of its task ends `--engine ray` as the local engine's
lost worker does: `[worker-lost]`, exit 2, nothing written (attack23).

attack22 made a killed worker of `--engine local` one `[worker-lost]` line; on Ray it was left
untried. Ray retries a task whose worker dies (`max_retries=2`); when every try dies (the chunk
that runs each worker out of memory) `ray.get` raises `WorkerCrashedError`, which reached the CLI
as `[internal-error] WorkerCrashedError ... (please report this input)`: another check id than
the documented one, and a message asking for a bug report about a lost worker.
"""

from __future__ import annotations

import pytest

from test_attack22_worker_killed import _run, raw  # noqa: F401  (the same runner and four raw texts)

pytest.importorskip("ray")


def _last_line(done) -> str:
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else ""


def test_extract_on_ray_whose_worker_dies_on_every_try_is_worker_lost(raw, tmp_path):  # noqa: F811
    out = tmp_path / "silver"
    done = _run(["extract", str(raw), "--out", str(out), "--engine", "ray", "--num-proc", "1"], "extract:chunk-start")
    assert done.returncode == 2, done.stderr[-2000:]
    assert "[worker-lost]" in _last_line(done) and "internal-error" not in done.stderr, done.stderr[-2000:]
    assert not out.exists()


def test_validate_on_ray_whose_worker_dies_on_every_try_is_worker_lost(raw, tmp_path):  # noqa: F811
    out = tmp_path / "silver"
    assert _run(["extract", str(raw), "--out", str(out), "--num-proc", "2"], None).returncode == 0
    done = _run(["validate", str(out), "--engine", "ray", "--num-proc", "1"], "engine:partition-linked")
    assert done.returncode == 2, (done.stdout + done.stderr)[-2000:]
    assert "[worker-lost]" in _last_line(done) and "internal-error" not in done.stderr, done.stderr[-2000:]
