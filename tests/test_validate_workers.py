"""validate runs a small corpus on the calling thread and a large one on a thread per core, and
reports the same findings, in the same order, either way (landstrikes.schema.workers)."""

from __future__ import annotations

import importlib
import os
import threading

import pytest
from conftest import load, save

from landstrikes.schema import workers
from landstrikes.schema.validate import validate

validation = importlib.import_module("landstrikes.schema.validate")


@pytest.fixture
def pools(monkeypatch):
    """The sizes of the thread pools validate starts, recorded."""
    sizes = []

    class Recorded(workers.ThreadPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            sizes.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(workers, "ThreadPoolExecutor", Recorded)
    return sizes


def _threads_seen(monkeypatch) -> set[str]:
    """The names of the threads the cross checks run on, recorded."""
    seen = set()
    check = validation.CROSS_CHECKS[0]

    def recorded(tables, report):
        seen.add(threading.current_thread().name)
        return check(tables, report)

    recorded.__name__ = check.__name__
    monkeypatch.setattr(validation, "CROSS_CHECKS", [recorded, *validation.CROSS_CHECKS[1:]])
    monkeypatch.setattr(validation, "LONGEST_FIRST", [recorded if c is check else c for c in validation.LONGEST_FIRST])
    return seen


def test_the_gold_is_validated_on_the_calling_thread_without_a_pool(dataset_copy, pools, monkeypatch):
    seen = _threads_seen(monkeypatch)
    assert workers.corpus_bytes(dataset_copy / "data", [t.name for t in validation.TABLES]) <= workers.INLINE_BYTES
    assert validate(dataset_copy).ok
    assert pools == [] and seen == {threading.current_thread().name}


def test_a_corpus_over_the_inline_size_is_validated_on_a_thread_per_core(dataset_copy, pools, monkeypatch):
    monkeypatch.setattr(workers, "INLINE_BYTES", 0)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    seen = _threads_seen(monkeypatch)
    assert validate(dataset_copy).ok
    assert pools == [2, 2]  # the reading step's pool and the cross checks'
    assert threading.current_thread().name not in seen


def _broken(folder):
    quotes = load(folder, "quotes")
    quotes.loc[0, "text"] = "Q" + quotes.loc[0, "text"][1:]  # span text no longer the article's
    quotes.loc[1, "quote_id"] = quotes.loc[2, "quote_id"]  # an id given twice
    save(folder, "quotes", quotes)
    mentions = load(folder, "mentions")
    mentions.loc[3, "entity_id"] = "no-such-entity"  # a foreign key to nothing
    save(folder, "mentions", mentions)


def test_a_broken_corpus_gets_the_same_findings_in_the_same_order_inline_and_on_threads(dataset_copy, monkeypatch):
    _broken(dataset_copy)
    inline = validate(dataset_copy)
    monkeypatch.setattr(workers, "INLINE_BYTES", 0)
    threaded = validate(dataset_copy)
    assert not inline.ok and len(inline.findings) >= 3
    assert inline.findings == threaded.findings
    assert inline.exit_code == threaded.exit_code


def test_the_size_counts_the_table_files_and_nothing_it_cannot_read(tmp_path):
    (tmp_path / "quotes").mkdir()
    (tmp_path / "quotes" / "a.parquet").write_bytes(b"x" * 100)
    (tmp_path / "elsewhere.parquet").write_bytes(b"y" * 20)
    (tmp_path / "quotes" / "linked.parquet").symlink_to(tmp_path / "elsewhere.parquet")  # a part kept elsewhere: counted
    (tmp_path / "quotes" / "b.parquet").symlink_to("/dev/zero")  # not a regular file: not counted, not read
    (tmp_path / "quotes" / "loop.parquet").symlink_to(tmp_path / "quotes" / "loop.parquet")  # a loop: 0
    (tmp_path / "claims").write_text("a file where a folder belongs")
    os.mkfifo(tmp_path / "stances")  # a FIFO where a folder belongs: refused at once, never waited on
    assert workers.corpus_bytes(tmp_path, ["quotes", "claims", "stances", "missing"]) == 120
    assert workers.workers_for(workers.INLINE_BYTES) == 1
    assert workers.workers_for(workers.INLINE_BYTES + 1) == (workers.os.cpu_count() or 1)


def test_inline_runs_in_order_and_keeps_an_exception_for_its_result():
    with workers.executor(1) as pool:
        assert isinstance(pool, workers.Inline)
        assert pool.map(lambda n: n * 2, [3, 1, 2]) == [6, 2, 4]
        failed = pool.submit(lambda: 1 / 0)
        assert pool.submit(lambda a, b: a + b, 2, 3).result() == 5
    with pytest.raises(ZeroDivisionError):
        failed.result()


def test_inline_lets_an_interrupt_stop_the_run_at_once():
    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        workers.Inline().submit(interrupted)
