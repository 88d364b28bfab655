"""A Ray worker that dies on every try of its task ends `--engine ray` as the local engine's
lost worker does: `[worker-lost]`, exit 2, nothing written (attack23).

attack22 made a killed worker of `--engine local` one `[worker-lost]` line; on Ray it was left
untried. Ray retries a task whose worker dies (`max_retries=2`); when every try dies (the chunk
that runs each worker out of memory) `ray.get` raises `WorkerCrashedError`, which reached the CLI
as `[internal-error] WorkerCrashedError ... (please report this input)`: another check id than
the documented one, and a message asking for a bug report about a lost worker.

Each case is a `python -m landstrikes` that starts its own Ray with the fault armed in its
environment, and spends most of its ~20-30 s waiting for Ray (its start, a new worker per try), so
both run at once (`lost_on_ray`), each in its own folder, and each test asserts its own run.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from test_attack22_worker_killed import _run, four_raw_texts

pytest.importorskip("ray")


def _last_line(done) -> str:
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else ""


@pytest.fixture(scope="module")
def lost_on_ray(tmp_path_factory):
    """{case: its output folder and a future of its runs}: both Ray runs going at once, the validate
    case's unarmed extract (its input) before its Ray run."""
    extract_dir = tmp_path_factory.mktemp("extract-on-ray")
    validate_dir = tmp_path_factory.mktemp("validate-on-ray")
    extract_out, validate_out = extract_dir / "silver", validate_dir / "silver"
    on_ray = ["--engine", "ray", "--num-proc", "1"]
    extract_args = ["extract", str(four_raw_texts(extract_dir / "raw")), "--out", str(extract_out), *on_ray]
    validate_raw = four_raw_texts(validate_dir / "raw")
    validate_input = ["extract", str(validate_raw), "--out", str(validate_out), "--num-proc", "2"]

    def extract_then_validate():
        extracted = _run(validate_input, None)
        if extracted.returncode != 0:
            return extracted, None
        return extracted, _run(["validate", str(validate_out), *on_ray], "engine:partition-linked")

    with ThreadPoolExecutor(2) as pool:
        yield {"extract": (extract_out, pool.submit(_run, extract_args, "extract:chunk-start")),
               "validate": (validate_out, pool.submit(extract_then_validate))}


def test_extract_on_ray_whose_worker_dies_on_every_try_is_worker_lost(lost_on_ray):
    out, run = lost_on_ray["extract"]
    done = run.result()
    assert done.returncode == 2, done.stderr[-2000:]
    assert "[worker-lost]" in _last_line(done) and "internal-error" not in done.stderr, done.stderr[-2000:]
    assert not out.exists()


def test_validate_on_ray_whose_worker_dies_on_every_try_is_worker_lost(lost_on_ray):
    _, runs = lost_on_ray["validate"]
    extracted, done = runs.result()
    assert extracted.returncode == 0, extracted.stderr[-2000:]
    assert done.returncode == 2, (done.stdout + done.stderr)[-2000:]
    assert "[worker-lost]" in _last_line(done) and "internal-error" not in done.stderr, done.stderr[-2000:]
