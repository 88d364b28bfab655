"""`main(["build", ...])` called from Python leaves the garbage collector as it found it, whether the
build succeeds or is refused: the command froze the imported objects (so collections skip them) and
never handed them back, so after a refused build in a test worker ~144,000 objects stayed frozen and
the next test that asserted an unfrozen collector failed (session 41's CI:
test_validate_ratio4's hand-back test, run after test_check_ids_exercised's refused builds)."""

from __future__ import annotations

import gc

from conftest import copy_sources, edit_source
from landstrikes.cli import main

SOURCE = "annotations/articles/000_68b95635092649cd.yaml"


def test_a_refused_build_hands_the_frozen_objects_back(tmp_path, capsys):
    dataset = copy_sources(tmp_path / "dataset")
    edit_source(dataset, SOURCE, "quantity: {low: 250000, high: 300000", "quantity: {low: 300000, high: 250000")
    assert gc.get_freeze_count() == 0
    assert main(["build", "--dataset", str(dataset)]) == 2
    assert gc.get_freeze_count() == 0


def test_a_build_and_its_check_hand_the_frozen_objects_back(tmp_path, capsys):
    dataset = copy_sources(tmp_path / "dataset")
    assert gc.get_freeze_count() == 0
    assert main(["build", "--dataset", str(dataset)]) == 0
    assert gc.get_freeze_count() == 0
    assert main(["build", "--dataset", str(dataset), "--check"]) == 0
    assert gc.get_freeze_count() == 0
