"""`--num-proc` is not taken at its word for processes: the local engine cuts the work into the
chunks asked for (so the output is the same) but runs at most one worker per CPU the process may
use, and says so in one line. `--num-proc 60` forked 60 workers on 2 CPUs (8 times slower than
one for 60 short articles), and 2,000 would have forked 2,000 (attack23 left it; attack24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from landstrikes.cli import main
from landstrikes.engines import local

TEXT = "Anna Berg, the minister, said: “We will close mine {n}.”\n"


@pytest.fixture
def two_cpus(monkeypatch):
    """This process may use 2 CPUs, whatever the machine has; the pools' sizes are recorded."""
    sizes = []

    class Recorded(local.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            sizes.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(local, "usable_cpus", lambda: 2)
    monkeypatch.setattr(local, "ProcessPoolExecutor", Recorded)
    return sizes


def _raw(folder: Path, articles: int) -> Path:
    folder.mkdir()
    for n in range(articles):
        (folder / f"a{n}.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    return folder


def test_extract_runs_at_most_one_worker_per_cpu_and_cuts_the_chunks_asked_for(two_cpus, tmp_path):
    from landstrikes.extract.run import extract_folder

    result = extract_folder(_raw(tmp_path / "raw", 8), tmp_path / "out", num_proc=8)
    assert result.articles == 8 and not result.failures
    assert two_cpus == [2]
    assert len(list((tmp_path / "out" / "data" / "articles").glob("*.parquet"))) == 8


def test_validate_engine_local_runs_at_most_one_worker_per_cpu(two_cpus, tmp_path):
    from landstrikes.engines.validate import validate_partitioned
    from landstrikes.extract.run import extract_folder

    extract_folder(_raw(tmp_path / "raw", 6), tmp_path / "out", num_proc=6)
    two_cpus.clear()
    assert validate_partitioned(tmp_path / "out", "local", 50, task_floor=1).ok
    assert two_cpus == [2]


def test_a_num_proc_over_the_cpus_is_one_line_on_stderr(two_cpus, tmp_path, capsys):
    assert main(["extract", str(_raw(tmp_path / "raw", 1)), "--out", str(tmp_path / "out"), "--num-proc", "2000"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "--num-proc" in line]
    assert lines == ["landstrikes extract: --num-proc 2000 is more than the 2 CPUs this process may use: "
                     "at most 2 worker processes run at once (the output is the same)"]


def test_a_num_proc_within_the_cpus_says_nothing(two_cpus, tmp_path, capsys):
    assert main(["extract", str(_raw(tmp_path / "raw", 1)), "--out", str(tmp_path / "out"), "--num-proc", "2"]) == 0
    assert "--num-proc" not in capsys.readouterr().err


def test_the_defaults_say_nothing_on_a_one_cpu_machine(two_cpus, monkeypatch, tmp_path, capsys):
    """validate --engine's default is 2 workers: a one-CPU CI machine must not hear about it."""
    monkeypatch.setattr(local, "usable_cpus", lambda: 1)
    assert main(["extract", str(_raw(tmp_path / "raw", 1)), "--out", str(tmp_path / "out"), "--num-proc", "2"]) == 0
    assert "--num-proc" not in capsys.readouterr().err
