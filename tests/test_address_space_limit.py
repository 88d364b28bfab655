"""A command whose process may address (or hold as data) less memory than its libraries need to
start is refused at once, in one line, exit 2 (under `ulimit -d` 30-60 MB OpenBLAS had ended it
with exit 1, INVALID's code): under `ulimit -v` 200-470 MB `validate` of the gold hung for good in
numpy's import, aborted inside a compiled library, segfaulted or printed a traceback, depending on
where the next allocation fell (session 27; the 200 MB case of test_attack25_process_limits failed
a full run with a traceback)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys

import pytest

from conftest import DATASET
from landstrikes import addresslimit
from landstrikes.addresslimit import MIN_ADDRESS_SPACE, MIN_DATA, address_space_refusal

CLI = [sys.executable, "-m", "landstrikes"]


def run_under(limit_bytes: int, *args: str, cwd=None, which=resource.RLIMIT_AS) -> subprocess.CompletedProcess:
    def limited():
        resource.setrlimit(which, (limit_bytes, limit_bytes))

    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    return subprocess.run([*CLI, *args], preexec_fn=limited, env=env, capture_output=True, text=True, timeout=60, cwd=cwd)


@pytest.mark.parametrize("limit_mb", [200, 350, 470])
@pytest.mark.parametrize("command", [["validate", str(DATASET)], ["build", "--check"], ["verify"]],
                         ids=["validate", "build-check", "verify"])
def test_a_command_under_too_small_an_address_space_is_refused_in_one_line(limit_mb, command):
    done = run_under(limit_mb * 1000 * 1000, *command, cwd=DATASET.parent)
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: [out-of-resources] the command: not judged:")
    assert "ulimit -v" in done.stderr and f"{MIN_ADDRESS_SPACE >> 20} MiB" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize("limit_mb", [30, 60, 100])
def test_a_command_under_too_small_a_data_limit_is_refused_never_called_invalid(limit_mb):
    """At 30-60 MB of `ulimit -d` OpenBLAS ended `validate` with exit 1, INVALID's code."""
    done = run_under(limit_mb * 1000 * 1000, "validate", str(DATASET), which=resource.RLIMIT_DATA)
    assert done.returncode == 2, done.stderr[-500:]
    assert done.stderr.count("\n") == 1 and "[out-of-resources]" in done.stderr and "ulimit -d" in done.stderr
    assert done.stdout == ""


def test_a_build_refused_for_its_address_space_leaves_the_tables_as_they_were(tmp_path):
    target = tmp_path / "dataset"
    for part in ("raw", "annotations", "data"):
        shutil.copytree(DATASET / part, target / part)
    before = {p.relative_to(target): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}
    done = run_under(300 * 1000 * 1000, "build", "--dataset", str(target))
    assert done.returncode == 2 and "[out-of-resources]" in done.stderr
    assert {p.relative_to(target): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()} == before


def test_help_and_version_still_answer_under_the_limit():
    done = run_under(200 * 1000 * 1000, "--version")
    assert done.returncode == 0 and done.stdout.startswith("landstrikes ")


def test_a_limit_at_or_above_the_floor_or_none_lets_the_command_start(monkeypatch):
    for soft in (resource.RLIM_INFINITY, MIN_ADDRESS_SPACE, 8 << 30):
        monkeypatch.setattr(resource, "getrlimit", lambda which, soft=soft: (soft, resource.RLIM_INFINITY))
        assert address_space_refusal() is None
    monkeypatch.setattr(resource, "getrlimit", lambda which: (MIN_ADDRESS_SPACE - 1, resource.RLIM_INFINITY))
    assert "ulimit -v" in address_space_refusal()
    monkeypatch.setattr(resource, "getrlimit", lambda which: ((MIN_DATA - 1) if which == resource.RLIMIT_DATA else resource.RLIM_INFINITY,
                                                              resource.RLIM_INFINITY))
    assert "ulimit -d" in address_space_refusal()


def test_a_platform_that_cannot_tell_its_limit_lets_the_command_start(monkeypatch):
    def unknown(which):
        raise OSError("no such limit")

    monkeypatch.setattr(resource, "getrlimit", unknown)
    assert addresslimit.address_space_refusal() is None


def test_the_sound_gold_validates_just_above_the_floors():
    done = run_under(MIN_ADDRESS_SPACE + (16 << 20), "validate", str(DATASET))
    assert done.returncode == 0, (done.stdout[-300:], done.stderr[-300:])
    done = run_under(MIN_DATA + (64 << 20), "validate", str(DATASET), which=resource.RLIMIT_DATA)
    assert done.returncode == 0, (done.stdout[-300:], done.stderr[-300:])
