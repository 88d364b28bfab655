"""What the machine refuses is not blamed on the data, nor on the user (attack24's open items,
attack25). Under `ulimit -v` (a batch system's h_vmem) `landstrikes validate` of the sound dataset:
- at 300 MB printed `interrupted`, exit 130: numpy's bundled OpenBLAS could not start its
  threads and raised SIGINT itself, so the user was told they had pressed Ctrl-C;
- at 350 MB ended `[internal-error] RuntimeError: can't start new thread (please report this
  input)`;
- at 200-250 MB printed a Python traceback and exited 1, validate's code for INVALID: the loader
  could not map a library (`ImportError: ... failed to map segment from shared object`), and
  reporting that as an internal error ran out of memory in its turn.
Now the command's own process uses one OpenBLAS thread (no command needs more), and each shortage
is one line `[out-of-resources]`, exit 2."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from conftest import DATASET
from landstrikes import cli, leanimports
from landstrikes.cli import main
from landstrikes.schema.resources import OutOfResources

CLI = [sys.executable, "-m", "landstrikes"]


def _fail_with(exc):
    def fail(*args, **kwargs):
        raise exc
    return fail


@pytest.mark.parametrize("exc", [RuntimeError("can't start new thread"),
                                 ImportError("libcrypto.so.3: failed to map segment from shared object"),
                                 ImportError("libfoo.so: cannot allocate memory for thread-local data")],
                         ids=["thread", "loader-map", "loader-alloc"])
def test_a_command_the_process_cannot_run_is_out_of_resources(monkeypatch, capsys, exc):
    monkeypatch.setattr(leanimports, "arrow_without_implicit_pandas", _fail_with(exc))
    assert main(["validate", str(DATASET)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: [out-of-resources] the command: not judged") and err.count("\n") == 1


def test_running_out_of_memory_while_reporting_an_error_is_still_one_line(monkeypatch, capfd):
    monkeypatch.setattr(leanimports, "arrow_without_implicit_pandas", _fail_with(ValueError("boom")))
    monkeypatch.setattr(cli, "_internal_error", _fail_with(MemoryError()))
    assert main(["validate", str(DATASET)]) == 2
    err = capfd.readouterr().err
    assert err.startswith("error: [out-of-resources]") and err.count("\n") == 1


def _entry_env(preset: dict) -> str:
    code = ("import os, sys\nfrom landstrikes.cli import main\nsys.argv = ['landstrikes', '--version']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint(os.environ.get('OPENBLAS_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"} | preset
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.split()[-1]


def test_the_command_runs_numpy_with_one_blas_thread_unless_told_otherwise():
    assert _entry_env({}) == "1"
    assert _entry_env({"OPENBLAS_NUM_THREADS": "4"}) == "4"


@pytest.mark.parametrize("limit_kb", [200_000, 300_000, 350_000])
def test_validate_under_an_address_space_limit_never_blames_the_data_or_the_user(limit_kb):
    """A real limit: the failure point moves with the machine, and an abort inside the C runtime
    (`std::bad_alloc`, glibc's thread-local data) cannot be caught, so only what Python decides
    is held: never a traceback, never exit 1 (INVALID) or 130 (interrupted)."""
    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (limit_kb * 1024, limit_kb * 1024))

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([*CLI, "validate", str(DATASET)], preexec_fn=limited, env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr
    assert "interrupted" not in done.stderr
    assert done.returncode not in (1, 130), done.stderr[-500:]


def test_a_thread_that_cannot_start_inside_validates_own_guard_is_out_of_resources(monkeypatch, capsys):
    """cmd_validate words an unexpected failure itself (`_validated`); at 450 MB it said
    `[internal-error] RuntimeError: can't start new thread (please report this input)`."""
    monkeypatch.setattr(cli, "_validated", _fail_with(RuntimeError("can't start new thread")))
    assert main(["validate", str(DATASET)]) == 2
    assert capsys.readouterr().err.startswith("error: [out-of-resources] the command: not judged")


@pytest.mark.parametrize("exc", [OutOfResources("data/stances/stances.parquet", MemoryError("ZSTD_DCtx create failed")),
                                 MemoryError()], ids=["out-of-resources", "memory-error"])
def test_render_out_of_memory_is_out_of_resources_not_an_internal_error(tmp_path, monkeypatch, capsys, exc):
    """render's own guard explained any failure by validating again, then `[internal-error]`: at 450 MB
    it said `[internal-error] OutOfResources: ... (please report this input)`."""
    import landstrikes.render as render

    monkeypatch.setattr(render, "render_site", _fail_with(exc))
    assert main(["render", str(DATASET), "--out", str(tmp_path / "site")]) == 2
    assert capsys.readouterr().err.startswith("error: [out-of-resources]")
