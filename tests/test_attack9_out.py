"""attack9: `landstrikes extract --out` under attack: two runs into one OUT at once, kill -9 at
random moments (the rerun succeeds and validates, nothing beside OUT is left, RAW untouched, no
worker outlives the run), and OUT pointing at RAW, a parent of RAW, a file, a folder of foreign
files, a symbolic link."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from landstrikes.cli import main

TEXT = "Storm hits coast {i}\n\n“We will rebuild,” Mayor Ana Ruiz said on Monday.\n\nAt least {i} homes were destroyed.\n"


def _raw(folder: Path, n: int = 6) -> Path:
    raw = folder / "raw"
    raw.mkdir(parents=True)
    for i in range(n):
        (raw / f"t{i:04d}.txt").write_text(TEXT.format(i=i), encoding="utf-8")
    return raw


def _tree(folder: Path) -> dict[str, str]:
    """Every entry under folder (links not followed) -> a digest of what it is."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[rel] = "link " + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "dir"
    return found


def _slow_extract(raw: Path, out: Path, seconds_per_article: float, num_proc: int) -> subprocess.Popen:
    """`landstrikes extract` in a child process whose rules take `seconds_per_article` each."""
    script = textwrap.dedent(f"""
        import sys, time
        import landstrikes.extract.chunk as chunk
        from landstrikes.cli import main
        real = chunk.extract_records
        def slow(*args):
            time.sleep({seconds_per_article})
            return real(*args)
        chunk.extract_records = slow
        sys.exit(main(["extract", {str(raw)!r}, "--out", {str(out)!r}, "--num-proc", "{num_proc}"]))
    """)
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path("/proc", entry, "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path("/proc", str(pid), "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl")
def test_workers_die_with_a_killed_extract_and_leave_nothing_beside_out_after_the_rerun(tmp_path):
    """kill -9 of the extract process mid-chunk: its pool workers go too (else they finish their
    chunk and write it into the staging folder the rerun has removed, recreating it for good)."""
    raw = _raw(tmp_path, 200)
    out = tmp_path / "out"
    child = _slow_extract(raw, out, 0.05, 2)  # 5 s of rules per worker
    try:
        assert _wait_for(lambda: len(_children(child.pid)) >= 2, 30), "no pool started"
        workers = _children(child.pid)
        time.sleep(0.3)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _wait_for(lambda: not any(_alive(w) for w in workers), 1.5), "a worker outlived the killed run"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    time.sleep(0.5)  # (what a surviving worker would write comes after its chunk)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]
    assert main(["validate", str(out)]) == 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_at_a_random_moment_then_a_rerun_succeeds_validates_and_touches_nothing_else(tmp_path, seed):
    raw = _raw(tmp_path, 40)
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0  # an earlier output the killed run replaces
    before = _tree(raw)
    child = _slow_extract(raw, out, 0.01, 1 + seed % 2)
    time.sleep(random.Random(seed).uniform(0.2, 2.0))
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert _tree(raw) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_two_extracts_into_one_out_at_once_both_finish_and_the_output_validates(tmp_path):
    """The second waits for the first's lock on OUT's parent or is refused with one line; never a
    mix of the two, never a traceback."""
    raw = _raw(tmp_path, 20)
    out = tmp_path / "out"
    runs = [_slow_extract(raw, out, 0.01, 2), _slow_extract(raw, out, 0.01, 1)]
    codes = sorted(run.wait(timeout=60) for run in runs)
    assert codes in ([0, 0], [0, 2])
    assert main(["validate", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


OUTS = {
    "raw itself": lambda tmp, raw: raw,
    "the parent of raw": lambda tmp, raw: tmp,
    "a file": lambda tmp, raw: (tmp / "note.md").write_text("mine\n") and tmp / "note.md",
    "a raw article": lambda tmp, raw: raw / "t0000.txt",
    "a folder of foreign files": lambda tmp, raw: ((tmp / "f").mkdir(), (tmp / "f" / "x.csv").write_text("1\n"))[0] or tmp / "f",
    "a symlink to raw": lambda tmp, raw: ((tmp / "l").symlink_to(raw), tmp / "l")[1],
    "a symlink to a file": lambda tmp, raw: ((tmp / "l").symlink_to(raw / "t0001.txt"), tmp / "l")[1],
    "a symlink loop": lambda tmp, raw: ((tmp / "l").symlink_to(tmp / "l"), tmp / "l")[1],
}


@pytest.mark.parametrize("where", sorted(OUTS))
def test_an_out_that_would_destroy_something_is_refused_in_one_line_and_nothing_changes(tmp_path, capsys, where):
    raw = _raw(tmp_path / "top")
    out = OUTS[where](tmp_path / "top", raw)
    before = _tree(tmp_path)
    assert main(["extract", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert _tree(tmp_path) == before


def test_an_out_symlink_to_a_new_folder_writes_there_and_the_link_stays(tmp_path):
    raw = _raw(tmp_path)
    (tmp_path / "target").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "target")
    for _ in range(2):  # and a rerun through the link replaces its own output
        assert main(["extract", str(raw), "--out", str(tmp_path / "link")]) == 0
    assert (tmp_path / "link").is_symlink() and (tmp_path / "target" / "data" / "articles").is_dir()
    assert main(["validate", str(tmp_path / "target")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "raw", "target"]


def test_an_out_folder_inside_raw_is_no_article_of_the_next_run(tmp_path):
    """OUT inside RAW (not named *.txt) is not read as input by a rerun."""
    raw = _raw(tmp_path)
    for _ in range(2):
        assert main(["extract", str(raw), "--out", str(raw / "silver")]) == 0
    assert main(["validate", str(raw / "silver")]) == 0
