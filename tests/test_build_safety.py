"""`landstrikes build` loses nothing: killed at any step it leaves data/ + card old+old or new+new
(after the next writer's repair), two builds never run at once, and the next build repairs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, copy_sources
from forkcli import run_in_children
from landstrikes.safety import faults, swap
from landstrikes.build import FAULT_POINTS, LOCK_FILE, STAGING_PREFIX, SWAPPED, build, recover_build
from landstrikes.errors import BuildError

EDITED_SOURCE = "annotations/articles/000_68b95635092649cd.yaml"
"""The edit that makes the new build differ from the old one (tables and card): one quote fewer."""


def drop_one_quote(dataset: Path) -> None:
    source = dataset / EDITED_SOURCE
    text = source.read_text(encoding="utf-8")
    start, end = text.index('  - text: "decisive force is needed'), text.index('  - text: "the rhetoric risks')
    source.write_text(text[:start] + text[end:], encoding="utf-8")


def state(dataset: Path) -> tuple[str | None, str | None]:
    """(digest of data/, digest of README.md): what a reader of the dataset sees."""
    return swap.digest(dataset / "data"), swap.digest(dataset / "README.md")


def leftovers(dataset: Path) -> list[str]:
    return sorted(p.name for p in dataset.iterdir() if p.name.startswith((STAGING_PREFIX, ".data-old")))


@pytest.fixture(scope="module")
def old_and_new(built_dataset, tmp_path_factory):
    """The built gold (old) and the state a build of the edited sources gives (new)."""
    folder = tmp_path_factory.mktemp("new") / "dataset"
    shutil.copytree(built_dataset, folder)
    drop_one_quote(folder)
    assert build(folder).report.ok
    old, new = state(built_dataset), state(folder)
    assert old[0] != new[0] and old[1] != new[1], "the edit must change both the tables and the card"
    return old, new


def edited_copy(built_dataset: Path, target: Path) -> Path:
    shutil.copytree(built_dataset, target)
    drop_one_quote(target)
    return target


def run_build(dataset: Path, fault: str | None = None, *extra: str, **popen):
    """`python -m landstrikes build` in a fresh interpreter, LANDSTRIKES_FAULT set to `fault`."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"}
    env.pop(faults.ENV, None)
    if fault:
        env[faults.ENV] = fault
    cmd = [sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset), *extra]
    if popen:
        return subprocess.Popen(cmd, env=env, text=True, **popen)
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


def build_job(job_id: str, folder: Path, fault: str, exchange: bool) -> dict:
    return {"id": job_id, "argv": ["build", "--dataset", str(folder)], "fault": fault, "exchange": exchange,
            "logs": str(folder.parent)}


def kill_and_rebuild_at_every_point(built_dataset, old_and_new, tmp_path, points, exchange=True):
    """One copy of the edited dataset per point: a build killed there, the repair, the next build."""
    old, new = old_and_new
    folders = {p: edited_copy(built_dataset, tmp_path / re.sub(r"\W", "_", p) / "dataset") for p in points}
    killed = run_in_children([build_job(f"killed-{i}", folders[p], p, exchange) for i, p in enumerate(points)], tmp_path)
    for i, point in enumerate(points):
        folder = folders[point]
        assert killed[f"killed-{i}"] == -9, f"{point} was never reached:\n{(folder.parent / f'killed-{i}.err').read_text()[-2000:]}"
        data, card = state(folder)
        if exchange:
            assert data in (old[0], new[0]), f"{point}: data/ is neither the old nor the new tables"
            assert card in (old[1], new[1]), f"{point}: README.md is neither the old nor the new card"
        repaired = folder.parent / "repaired"
        shutil.copytree(folder, repaired, symlinks=True)
        recover_build(repaired)  # what every writer does first, under the lock
        assert state(repaired) in (old, new), f"{point}: data/ and card disagree after recovery"
        assert leftovers(repaired) == [], point
    rebuilt = run_in_children([build_job(f"next-{i}", folders[p], "", exchange) for i, p in enumerate(points)], tmp_path)
    for i, point in enumerate(points):
        folder = folders[point]
        err = (folder.parent / f"next-{i}.err").read_text()
        assert rebuilt[f"next-{i}"] == 0, f"{point}: the next build failed:\n{err[-2000:]}"
        assert state(folder) == new and leftovers(folder) == [], point
        lines = [line for line in err.splitlines() if line.startswith("recovered")]
        left_something = point not in ("build:locked", "build:swapped")
        assert len(lines) == left_something and err.count("\n") == left_something, (point, err)


def assert_next_build_recovers(folder: Path, old, new, point: str) -> None:
    """In process: the repair gives old+old or new+new; the next build says so in one line and succeeds."""
    repaired = folder.parent / "repaired"
    shutil.copytree(folder, repaired, symlinks=True)
    recover_build(repaired)
    assert state(repaired) in (old, new), f"{point}: data/ and card disagree after recovery"
    assert leftovers(repaired) == [], point
    lines: list[str] = []
    assert build(folder, notice=lines.append).report.ok, point
    assert state(folder) == new and leftovers(folder) == [], point
    assert len(lines) == 1 and "\n" not in lines[0] and str(folder) in lines[0], (point, lines)


def test_every_fault_point_in_the_code_is_listed_and_tested():
    code = (REPO / "scripts" / "build.py").read_text() + (REPO / "scripts" / "safety" / "swap.py").read_text()
    found = set()
    for literal in re.findall(r'fault\(f?"([^"]+)"\)', code):
        found |= {literal.replace("{name}", name) for name in SWAPPED} if "{name}" in literal else {literal}
    fallback_only = {f"swap:moved-aside:{name}" for name in SWAPPED}
    assert found == set(FAULT_POINTS) | fallback_only


def test_a_build_killed_at_any_point_leaves_old_or_new_and_the_next_build_repairs(built_dataset, old_and_new, tmp_path):
    kill_and_rebuild_at_every_point(built_dataset, old_and_new, tmp_path, list(FAULT_POINTS))


def test_without_atomic_exchange_a_killed_build_is_still_repaired(built_dataset, old_and_new, tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "EXCHANGE", False)  # for the in-process repair; the children are told by their job
    points = [*(f"swap:moved-aside:{name}" for name in SWAPPED), "swap:exchanged:data"]  # the fallback's own states
    kill_and_rebuild_at_every_point(built_dataset, old_and_new, tmp_path, points, exchange=False)


def test_a_repair_killed_mid_way_is_repaired_by_the_next_build(built_dataset, old_and_new, tmp_path):
    old, new = old_and_new
    folder = edited_copy(built_dataset, tmp_path / "dataset")
    assert run_build(folder, "swap:exchanged:data").returncode == -9  # data new, card old
    assert run_build(folder, "swap:exchanged:README.md").returncode == -9  # killed inside the repair
    assert state(folder) == new
    assert_next_build_recovers(folder, old, new, "swap:exchanged:README.md")


def test_an_io_error_mid_swap_is_one_line_exit_2_and_the_next_build_repairs(built_dataset, old_and_new, tmp_path, monkeypatch):
    old, new = old_and_new
    folder = edited_copy(built_dataset, tmp_path / "dataset")
    monkeypatch.setattr(faults, "_SPECS", {"swap:exchanged:data": "oserror"})
    with pytest.raises(BuildError, match="injected I/O error") as err:
        build(folder)
    assert "\n" not in str(err.value)
    monkeypatch.setattr(faults, "_SPECS", {})
    assert_next_build_recovers(folder, old, new, "swap:exchanged:data")


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_a_second_build_is_refused_while_one_holds_the_lock_and_nothing_is_lost(built_dataset, old_and_new, tmp_path):
    old, new = old_and_new
    folder = edited_copy(built_dataset, tmp_path / "dataset")
    go = tmp_path / "go"
    first = run_build(folder, f"build:validated@wait={go}", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        staged = lambda: any((p / "README.md").exists() for p in folder.glob(STAGING_PREFIX + "*"))  # noqa: E731
        wait_for(staged, "the first build to stage its tables")
        second = run_build(folder)
        assert second.returncode == 2, second.stderr
        message = second.stderr.strip()
        assert "Traceback" not in message and "\n" not in message, message
        assert str(folder / LOCK_FILE) in message and f"pid {first.pid}" in message, message
        assert state(folder) == old, "the refused build changed the dataset"

        waiting_log = tmp_path / "third.err"
        with waiting_log.open("w") as err:
            third = run_build(folder, None, "--wait", "60", stdout=subprocess.DEVNULL, stderr=err)
            wait_for(lambda: "waiting for" in waiting_log.read_text(), "the third build to wait for the lock")
            go.touch()
            assert first.wait(120) == 0
            assert third.wait(120) == 0, waiting_log.read_text()
    finally:
        go.touch()
        first.wait(120)
    assert state(folder) == new and leftovers(folder) == []


def test_a_build_of_a_missing_folder_is_unusable_input(tmp_path):
    with pytest.raises(BuildError, match="no such dataset folder"):
        build(tmp_path / "nope")


def test_leftovers_of_an_older_build_are_moved_back_never_deleted(built_dataset, tmp_path):
    folder = copy_sources(tmp_path / "dataset")
    shutil.copytree(built_dataset / "data", folder / ".data-old")  # killed between its two renames
    lines = recover_build(folder)
    assert (folder / "data").is_dir() and not (folder / ".data-old").exists()
    assert swap.digest(folder / "data") == swap.digest(built_dataset / "data")
    assert len(lines) == 1 and "moved back" in lines[0]


def test_a_journal_that_matches_neither_copy_is_refused_and_left_alone(built_dataset, tmp_path):
    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    staging = folder / (STAGING_PREFIX + "odd")
    shutil.copytree(built_dataset / "data", staging / "data")
    swap.write_journal(staging, {"data": "0" * 64})
    before = state(folder), swap.digest(staging)
    with pytest.raises(BuildError, match="left as is"):
        build(folder)
    assert (state(folder), swap.digest(staging)) == before


def test_lock_file_and_staging_folders_are_git_ignored():
    gitignore = (REPO / ".gitignore").read_text()
    assert not re.search(r"^(<<<<<<<|=======|>>>>>>>)", gitignore, re.M), "merge-conflict markers in .gitignore"
    ignored = subprocess.run(["git", "check-ignore", "--no-index", f"dataset/{LOCK_FILE}", "dataset/.build-x/data"],
                             cwd=REPO, capture_output=True, text=True)
    assert ignored.stdout.split() == [f"dataset/{LOCK_FILE}", "dataset/.build-x/data"]


def test_a_release_after_a_build_killed_mid_swap_first_puts_the_tables_back(released_copy):
    """Without atomic exchange a kill can leave no data/ at all; `release` repairs before it reads."""
    from conftest import RELEASE_DATE
    from landstrikes.errors import ReleaseError
    from landstrikes.releases.release import release

    before = state(released_copy)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1", faults.ENV: "swap:moved-aside:data", "LANDSTRIKES_SWAP": "rename"}
    killed = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(released_copy)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert not (released_copy / "data").exists(), "the fault point must leave no data/ for this test to mean anything"
    with pytest.raises(ReleaseError, match="nothing changed"):  # got as far as comparing with 1.0.1
        release(released_copy, "1.0.2", date=RELEASE_DATE)
    assert state(released_copy) == before and leftovers(released_copy) == []


@pytest.mark.parametrize("foreign", ["quotes/notes.txt", "silver/quotes.parquet", "quotes/quotes-backup.parquet", "README.md"])
def test_a_file_build_did_not_write_in_data_is_refused_named_and_kept(built_dataset, tmp_path, foreign):
    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    (folder / "data" / foreign).parent.mkdir(parents=True, exist_ok=True)
    (folder / "data" / foreign).write_bytes(b"someone's file")
    before = state(folder)
    with pytest.raises(BuildError) as refused:
        build(folder)
    assert refused.value.check == "foreign-file" and f"data/{foreign}" in str(refused.value)
    assert (folder / "data" / foreign).read_bytes() == b"someone's file" and state(folder) == before
    assert leftovers(folder) == []
    (folder / "data" / foreign).unlink()
    assert build(folder).report.ok  # with only its own files, data/ is rebuilt as before


def test_a_lock_file_that_is_a_symlink_is_refused_and_what_it_names_is_kept(built_dataset, tmp_path):
    from landstrikes.releases.release import release

    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    article = sorted((folder / "raw").glob("*.txt"))[0]
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\nsomeone's entries\n", encoding="utf-8")
    for target, run in ((article, lambda: build(folder)), (changelog, lambda: release(folder, "9.0.0"))):
        before = target.read_bytes()
        (folder / LOCK_FILE).unlink(missing_ok=True)
        (folder / LOCK_FILE).symlink_to(target)
        with pytest.raises(BuildError) as refused:
            run()
        assert refused.value.check == "lock-file-not-a-file"
        assert target.read_bytes() == before


def test_a_folder_that_only_shares_the_staging_prefix_is_kept(built_dataset, tmp_path):
    folder = tmp_path / "dataset"
    shutil.copytree(built_dataset, folder)
    mine = folder / (STAGING_PREFIX + "notes") / "todo.txt"
    mine.parent.mkdir()
    mine.write_text("someone's notes\n", encoding="utf-8")
    lines = []
    assert build(folder, notice=lines.append).report.ok
    assert mine.read_text(encoding="utf-8") == "someone's notes\n"
    assert any("not a build's staging folder" in line for line in lines)
