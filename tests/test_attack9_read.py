"""attack9: a raw file changed between the inventory and the chunk's read (`chunk.read_ahead`)
is that article's failure row, naming the file; the read never hangs (a FIFO), never holds more
than the inventory counted (a file grown to 200 MB, /dev/zero), and the output validates."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc

import pytest
from landstrikes.cli import main
from landstrikes.extract import run
from landstrikes.schema.tableio import read_table

GOOD = "Storm hits coast\n\n“We will rebuild,” Mayor Ana Ruiz said on Monday.\n\nAt least {n} homes were destroyed.\n"


def _raw(tmp_path, names=("a", "b", "c")):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, name in enumerate(names):
        (raw / f"{name}.txt").write_text(GOOD.format(n=30 + i), encoding="utf-8")
    return raw


def _errors(out) -> list[tuple[str, str]]:
    with open(out / "extract_errors.csv", encoding="utf-8", newline="") as handle:
        return [(row["source_file"], row["check"]) for row in csv.DictReader(handle)]


def _after_inventory(monkeypatch, change):
    """Run `change()` right after the inventory, before any chunk reads a file."""
    real = run.take_inventory

    def then_change(paths, max_chars):
        inventory = real(paths, max_chars)
        change()
        return inventory

    monkeypatch.setattr(run, "take_inventory", then_change)


def _extract_and_validate(raw, out, *extra) -> int:
    code = main(["extract", str(raw), "--out", str(out), *extra])
    assert main(["validate", str(out)]) == 0
    return code


def _replace(path, make):
    path.unlink()
    make(path)


CHANGES = {
    "deleted": (lambda p: p.unlink(), "extract-unreadable"),
    "truncated": (lambda p: os.truncate(p, 5), "extract-changed"),
    "emptied": (lambda p: os.truncate(p, 0), "extract-changed"),
    "grown": (lambda p: p.write_text(GOOD.format(n=99) * 3, encoding="utf-8"), "extract-changed"),
    "a directory": (lambda p: _replace(p, lambda q: q.mkdir()), "extract-not-a-file"),
    "a symlink to itself": (lambda p: _replace(p, lambda q: q.symlink_to(q.name)), "extract-unreadable"),
    "a symlink to /dev/null": (lambda p: _replace(p, lambda q: q.symlink_to("/dev/null")), "extract-not-a-file"),
    "a fifo": (lambda p: _replace(p, lambda q: os.mkfifo(q)), "extract-not-a-file"),
    "a symlink to a fifo": (lambda p: _replace(p, lambda q: (os.mkfifo(q.parent.parent / "fifo"), q.symlink_to(q.parent.parent / "fifo"))), "extract-not-a-file"),
    "a symlink to a file outside raw": (
        lambda p: _replace(p, lambda q: ((q.parent.parent / "elsewhere.txt").write_text(GOOD.format(n=77) + "More.\n"), q.symlink_to(q.parent.parent / "elsewhere.txt"))),
        "extract-changed"),
}


def _unblock_fifos_later(folder, after: float):
    """A writer opens (and closes) every FIFO under folder after `after` seconds, so a read blocked
    on one ends and the test reports the hang as slowness instead of hanging itself."""
    def unblock():
        time.sleep(after)
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                if os.path.exists(path) and not os.path.isfile(path) and os.path.exists(path):
                    try:
                        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                    except OSError:
                        pass

    thread = threading.Thread(target=unblock, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("num_proc", ["1", "2"])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_file_changed_after_the_inventory_is_its_own_failure_row_and_the_rest_validates(tmp_path, monkeypatch, change, num_proc):
    make, check = CHANGES[change]
    raw = _raw(tmp_path)
    _after_inventory(monkeypatch, lambda: make(raw / "b.txt"))
    _unblock_fifos_later(tmp_path, after=8.0)
    began = time.monotonic()
    assert _extract_and_validate(raw, tmp_path / "out", "--num-proc", num_proc) == 3
    assert time.monotonic() - began < 7.0, "the read waited for a writer"
    assert _errors(tmp_path / "out") == [("b.txt", check)]
    assert sorted(read_table(tmp_path / "out" / "data" / "articles")["article_id"]) == ["a", "c"]


def test_a_file_replaced_by_a_copy_of_another_after_the_inventory_gives_no_second_article_with_its_sha256(tmp_path, monkeypatch):
    """b had a's size but other bytes (both hashed, both kept); then b became a copy of a. Two
    articles with one sha256 would make the output INVALID."""
    raw = _raw(tmp_path)
    (raw / "b.txt").write_text(GOOD.format(n=31).replace("31", "98"), encoding="utf-8")
    (raw / "a.txt").write_text(GOOD.format(n=30).replace("30", "97"), encoding="utf-8")
    _after_inventory(monkeypatch, lambda: (raw / "b.txt").write_bytes((raw / "a.txt").read_bytes()))
    assert _extract_and_validate(raw, tmp_path / "out") == 3
    assert _errors(tmp_path / "out") == [("b.txt", "extract-changed")]


def test_a_file_replaced_by_another_text_of_the_same_size_is_refused_only_when_the_inventory_hashed_it(tmp_path, monkeypatch):
    """A file of a size no other file has is never hashed (inventory.py): replaced by other bytes
    of that size, it is extracted as it is at the read, and that text cannot duplicate another."""
    raw = _raw(tmp_path, names=("a", "b"))
    (raw / "b.txt").write_text(GOOD.format(n=1000), encoding="utf-8")
    _after_inventory(monkeypatch, lambda: (raw / "b.txt").write_text(GOOD.format(n=2000), encoding="utf-8"))
    assert _extract_and_validate(raw, tmp_path / "out") == 0
    texts = read_table(tmp_path / "out" / "data" / "articles").set_index("article_id")["text"]
    assert "2000 homes" in texts["b"]


def test_a_file_grown_to_200_mb_after_the_inventory_is_refused_without_reading_it(tmp_path, monkeypatch):
    """A sparse 200 MB file in a group: the read stops one byte past what the inventory counted.
    The word lists (about 75 MB at peak while their cache is decoded, then held for the process)
    are loaded by a first run, so the bound measures the read alone whichever test ran before on
    this worker (run first, it failed on the lists, not on the read)."""
    raw = _raw(tmp_path)
    assert main(["extract", str(raw), "--out", str(tmp_path / "warm")]) == 0
    _after_inventory(monkeypatch, lambda: os.truncate(raw / "b.txt", 200 << 20))
    tracemalloc.start()
    try:
        assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 3
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 << 20, f"{peak:,} bytes held"
    assert _errors(tmp_path / "out") == [("b.txt", "extract-changed")]


def test_a_symlink_to_dev_zero_after_the_inventory_is_refused_in_bounded_memory(tmp_path):
    """Without a bound the read of /dev/zero never ends: run it in a child with 1 GB of address
    space more than it has, and a time limit."""
    raw = _raw(tmp_path)
    script = textwrap.dedent(f"""
        import os, resource, sys
        from landstrikes.extract.chunk import read_ahead
        from landstrikes.extract.rawread import Expected
        link = {str(raw / "b.txt")!r}
        size = os.path.getsize(link)
        os.unlink(link); os.symlink("/dev/zero", link)
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[0])
        limit = pages * os.sysconf("SC_PAGE_SIZE") + (1 << 30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        for path, data in read_ahead((link,), expected=(Expected(size, None),)):
            print(type(data).__name__, getattr(data, "check", ""))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["NotAsInventoried", "extract-not-a-file"]


def test_a_fifo_planted_after_the_inventory_never_hangs_the_read(tmp_path):
    """read_ahead opens a FIFO with no writer without blocking (a child, killed after 20 s)."""
    raw = _raw(tmp_path)
    script = textwrap.dedent(f"""
        import os
        from landstrikes.extract.chunk import read_ahead
        path = {str(raw / "b.txt")!r}
        os.unlink(path); os.mkfifo(path)
        for _, data in read_ahead((path,)):
            print(type(data).__name__, getattr(data, "check", ""))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20)
    assert done.stdout.split() == ["NotAsInventoried", "extract-not-a-file"], done.stderr[-2000:]


def test_an_unreadable_file_is_read_by_root_and_refused_for_anyone_else(tmp_path, monkeypatch):
    """chmod 000 after the inventory: root reads it anyway (so it is extracted), anyone else gets
    extract-unreadable; either way the run finishes and validates."""
    raw = _raw(tmp_path)
    _after_inventory(monkeypatch, lambda: os.chmod(raw / "b.txt", 0))
    code = _extract_and_validate(raw, tmp_path / "out")
    if os.geteuid() == 0:
        assert (code, _errors(tmp_path / "out")) == (0, [])
    else:
        assert (code, _errors(tmp_path / "out")) == (3, [("b.txt", "extract-unreadable")])


def test_invalid_utf8_after_the_first_megabyte_is_that_files_failure_and_its_group_is_extracted(tmp_path):
    """A file larger than the read-ahead group whose bad byte is past 1 MB, between good files."""
    raw = _raw(tmp_path, names=("a", "c"))
    body = (GOOD.format(n=5) * (1 + (1 << 20) // len(GOOD.encode()))).encode()
    (raw / "b.txt").write_bytes(body + b"\xff tail\n")
    assert _extract_and_validate(raw, tmp_path / "out", "--num-proc", "2") == 3
    with open(tmp_path / "out" / "extract_errors.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["source_file"], r["check"]) for r in rows] == [("b.txt", "extract-not-utf8")]
    assert f"byte {len(body)}:" in rows[0]["reason"]


def test_thousands_of_tiny_files_are_each_extracted_once(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(2000):
        (raw / f"t{i:04d}.txt").write_text(f"Officials counted {i} boats.\n", encoding="utf-8")
    assert _extract_and_validate(raw, tmp_path / "out", "--num-proc", "2") == 0
    ids = read_table(tmp_path / "out" / "data" / "articles")["article_id"]
    assert len(ids) == len(set(ids)) == 2000


def test_the_time_budget_names_the_slow_file_of_a_read_ahead_group(tmp_path, monkeypatch):
    """Many files in one group, one of them slow: its row names it, the others are written."""
    import landstrikes.extract.chunk as chunk

    real = chunk.extract_records

    def slow(article_id, text, source_file=None):
        if article_id == "t05":
            time.sleep(30)
        return real(article_id, text, source_file)

    monkeypatch.setattr(chunk, "extract_records", slow)
    raw = _raw(tmp_path, names=[f"t{i:02d}" for i in range(10)])
    began = time.monotonic()
    assert _extract_and_validate(raw, tmp_path / "out", "--time-budget", "1") == 3
    assert time.monotonic() - began < 20
    assert _errors(tmp_path / "out") == [("t05.txt", "extract-time-budget")]


ODD_NAMES = {  # file name (bytes) -> the failure check, or None: extracted, and the silver validates
    b"\xff\xfe.txt": "extract-bad-name",
    b" .txt": "extract-bad-name",
    b"\xe2\x80\xae.txt": "extract-bad-name",  # only U+202E (right-to-left override): nothing visible
    b"\x1b[31m.txt": "extract-bad-name",
    b"\xc2\x85x.txt": None,  # NEL: a line break a source can hold
    b".txt": "extract-bad-name",
    b"..txt": "extract-hidden-file",  # attack20: a hidden *.txt is no article (it was the article '.')
    b"a b.txt": None,
    b"new\nline.txt": None,
    b"e\xcc\x81.txt": None,
    b"\xc3\xa9.txt": None,
    b"q\",comma.txt": None,
}


def test_a_file_name_no_article_id_can_be_is_its_own_failure_row_and_the_run_goes_on(tmp_path, capsys):
    """attack9: a name of undecodable bytes stopped the whole run (internal-error, exit 2, nothing
    written); a blank name, or one holding a control character, gave an INVALID silver."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, name in enumerate(ODD_NAMES):
        with open(os.path.join(os.fsencode(raw), name), "w", encoding="utf-8") as handle:
            handle.write(GOOD.format(n=i))
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 7 and "\x1b" not in err and "failed extract-bad-name: \\x1b[31m.txt:" in err
    assert main(["validate", str(tmp_path / "out")]) == 0
    shown = {os.fsdecode(n).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"): c for n, c in ODD_NAMES.items()}
    assert sorted(_errors(tmp_path / "out")) == sorted((n, c) for n, c in shown.items() if c)
    articles = read_table(tmp_path / "out" / "data" / "articles")
    assert sorted(articles["source_file"]) == sorted(n for n, c in shown.items() if not c)


def test_an_empty_file_whose_name_holds_a_newline_is_one_stderr_line(tmp_path, capsys):
    raw = _raw(tmp_path, names=("a",))
    (raw / "new\nline.txt").write_bytes(b"")
    assert main(["extract", str(raw), "--out", str(tmp_path / "out")]) == 3
    assert "failed extract-empty: new\\nline.txt: empty file\n" in capsys.readouterr().err


SPECIAL = {
    "zero.txt": (lambda p: p.symlink_to("/dev/zero"), "extract-not-a-file"),
    "fifo.txt": (lambda p: os.mkfifo(p), "extract-not-a-file"),
    "link-to-fifo.txt": (lambda p: (os.mkfifo(p.parent.parent / "f"), p.symlink_to(p.parent.parent / "f")), "extract-not-a-file"),
    "loop.txt": (lambda p: p.symlink_to(p.name), "extract-unreadable"),
    "dangling.txt": (lambda p: p.symlink_to("nowhere"), "extract-unreadable"),
    "dir.txt": (lambda p: p.symlink_to(p.parent.parent), "extract-not-a-file"),
}


@pytest.mark.parametrize("num_proc", ["1", "2"])
def test_special_files_there_at_the_inventory_are_failure_rows_without_being_read(tmp_path, num_proc):
    raw = _raw(tmp_path)
    for name, (make, _) in SPECIAL.items():
        make(raw / name)
    began = time.monotonic()
    assert _extract_and_validate(raw, tmp_path / "out", "--num-proc", num_proc) == 3
    assert time.monotonic() - began < 20
    assert sorted(_errors(tmp_path / "out")) == sorted((n, c) for n, (_, c) in SPECIAL.items())


def test_without_the_inventorys_size_a_read_stops_one_byte_past_the_limit(tmp_path):
    from landstrikes.extract.rawread import read_raw

    (tmp_path / "ten.txt").write_bytes(b"0123456789")
    assert read_raw(str(tmp_path / "ten.txt"), None, limit=4) == b"01234"
    assert read_raw(str(tmp_path / "ten.txt"), None, limit=100) == b"0123456789"
