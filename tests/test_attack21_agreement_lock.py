"""`agreement` holds the dataset's lock shared while it reads the tables, as every other reader
does (attack21).

It reads quotes, claims, stances, entities, mentions and segments from `DIR/data` one by one, and
took no lock: a build swapping `data/` in between gave it old quotes beside new claims, and the
figures it wrote into `DIR/agreement.json` (which the build's dataset card quotes) came from no
build. validate, render, stats, evaluate and diff wait for a running build (attack5); agreement
now does too, with the same `--wait SECONDS` (default 120, then `dataset-locked`, exit 2).
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from landstrikes.build import LOCK_FILE, dataset_lock
from landstrikes.cli import main


@pytest.fixture
def dataset(whole_copy, tmp_path) -> Path:
    (whole_copy / LOCK_FILE).unlink(missing_ok=True)
    return whole_copy


def test_agreement_refuses_in_one_line_while_a_build_holds_the_lock_past_wait(dataset, tmp_path, capsys):
    with dataset_lock(dataset):
        code = main(["agreement", "--dataset", str(dataset), "--out", str(tmp_path / "a.json"), "--wait", "0"])
    err = capsys.readouterr().err
    assert code == 2 and "[dataset-locked]" in err and err.count("\n") == 1, err
    assert not (tmp_path / "a.json").exists()


def test_agreement_waits_for_a_running_build_and_then_reads(dataset, tmp_path, capsys):
    held, go = threading.Event(), threading.Event()

    def build_holding_the_lock():
        with dataset_lock(dataset):
            held.set()
            go.wait(60)

    builder = threading.Thread(target=build_holding_the_lock)
    builder.start()
    try:
        assert held.wait(60)
        threading.Timer(1.0, go.set).start()
        code = main(["agreement", "--dataset", str(dataset), "--out", str(tmp_path / "a.json")])
    finally:
        go.set()
        builder.join()
    err = capsys.readouterr().err
    assert "waiting for the lock" in err, "agreement read the tables while a build held the lock"
    assert code == 0, err
