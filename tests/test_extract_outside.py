"""What the second round of issue 17's overhead cuts may change and what they may not.

Each cheaper form outside `extract_article` is held to the plain definition it replaced: a file
name and stem from the string are pathlib's; the entities rows built straight from the merged
evidence are `entity_row` of `merged_passes`' rows; rows written through Arrow's struct
conversion are `write_table`'s bytes; one SIGALRM handler per chunk still fails a slow article
and leaves the process's handler and timer as they were; the extract command never imports
`pyarrow.compute`; and the garbage collector is paused only where no cycle can arise and always
handed back.
"""

from __future__ import annotations

import gc
import json
import signal
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.extract.article import ARTICLE_TABLES, FIELDS, extract_article, extract_records
from landstrikes.extract.catalogue import ChunkEvidence, catalogue_rows, entity_row, evidence_path, merged_passes
from landstrikes.extract.chunk import file_name_and_stem, write_rows, write_shard_of
from landstrikes.schema.registry import TABLES_BY_NAME

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "dataset" / "raw"


# --- a file's name and stem from its path string are pathlib's -----------------------------------

NAME = st.text(st.sampled_from("ab.-_ é"), min_size=1, max_size=8).filter(lambda n: n not in (".", ".."))


@settings(max_examples=500, deadline=None)
@given(st.lists(NAME, max_size=3), NAME)
@example([], ".txt")
@example([], "..txt")
@example(["a.b"], "c.d.txt")
@example([], "a.")
@example([], ".a.b")
def test_a_files_name_and_stem_from_its_path_string_are_pathlibs(folders, name):
    path = str(PurePosixPath("/", *folders, name))
    assert file_name_and_stem(path) == (PurePosixPath(path).name, PurePosixPath(path).stem)


# --- the entities rows built from the merged entities are entity_row of the merged rows ---------

from evidence_strategies import EVIDENCE, records  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(EVIDENCE, max_size=4), max_size=12), st.integers(0, 12))
def test_entities_rows_are_entity_row_of_every_merged_catalogue_row(tmp_path_factory, articles, cut):
    folder = tmp_path_factory.mktemp("evidence")
    articles = [list({r["entity_id"]: r for r in rows}.values()) for rows in articles]
    for i, part in enumerate((articles[:cut], articles[cut:])):
        chunk = ChunkEvidence()
        for rows in part:
            chunk.add_rows(records(rows))
        chunk.write(evidence_path(folder, i))
    expected = [[entity_row(r, "auto") for r in rows] for rows in merged_passes(folder)]
    assert list(catalogue_rows(folder, "auto")) == expected


def test_entities_rows_of_a_merge_in_many_passes_are_entity_row_of_the_merged_rows(tmp_path, monkeypatch):
    from landstrikes.extract import catalogue

    monkeypatch.setattr(catalogue, "PASS_ROWS", 3)
    chunk = ChunkEvidence()
    for a in range(6):
        chunk.add_rows(records([{"entity_id": f"e{(a + k) % 9}", "name": f"N{k % 2}", "type": ("ORG", "GPE")[a % 2],
                                 "mentions": k, "confidence": 0.1 * k, "aliases": [f"x{a}"]} for k in range(4)]))
    chunk.write(evidence_path(tmp_path, 0))
    got = list(catalogue_rows(tmp_path, "auto"))
    assert len(got) > 3 and got == [[entity_row(r, "auto") for r in rows] for rows in merged_passes(tmp_path)]


# --- rows through Arrow's struct conversion are write_table's bytes -------------------------------


def test_rows_written_through_struct_arrays_are_write_tables_bytes(tmp_path):
    """The command's records (tuples) and dict rows alike, against write_table of the dict rows."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}
    articles = [extract_article(name, text, f"{name}.txt") for name, text in texts.items()]
    articles_records = [extract_records(name, text, f"{name}.txt") for name, text in texts.items()]
    evidence = ChunkEvidence()
    for article in articles_records:
        evidence.add_rows(article["entity_rows"])
    evidence.write(evidence_path(tmp_path / "evidence", 0))
    (entities,) = catalogue_rows(tmp_path / "evidence", "auto")
    tables = {table: sorted((r for a in articles for r in a[table]), key=lambda r: r[TABLES_BY_NAME[table].id_column])
              for table in ARTICLE_TABLES}
    for table, rows in {**tables, "entities": entities}.items():
        write_rows(rows, table, tmp_path / f"{table}-plain.parquet")
        write_shard_of(rows, table, tmp_path / f"{table}-struct.parquet")
        assert (tmp_path / f"{table}-struct.parquet").read_bytes() == (tmp_path / f"{table}-plain.parquet").read_bytes(), table
        if table in FIELDS:
            by_id = FIELDS[table].index(TABLES_BY_NAME[table].id_column)
            mine = sorted((r for a in articles_records for r in a[table]), key=lambda r: r[by_id])
            write_shard_of(mine, table, tmp_path / f"{table}-records.parquet")
            assert (tmp_path / f"{table}-records.parquet").read_bytes() == (tmp_path / f"{table}-plain.parquet").read_bytes(), table
    assert len(entities) > 50


# --- one SIGALRM handler per chunk ----------------------------------------------------------------


def test_a_chunks_time_budget_hands_back_the_handler_and_leaves_no_timer_armed(tmp_path):
    from landstrikes.extract.run import extract_folder

    def mine(signum, frame):  # a caller's own handler
        raise AssertionError("the caller's handler ran during the chunk")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        extract_folder(RAW, tmp_path / "out", time_budget=30.0)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_chunk_timer_fails_each_slow_article_and_lets_the_next_run_in_full(tmp_path, monkeypatch):
    """Each article gets the whole budget: the timer is re-armed per article, not per chunk."""
    import time

    import landstrikes.extract.chunk as chunk
    from landstrikes.extract.run import extract_folder

    real = chunk.extract_records

    def paced(article_id, text, source_file=None):
        deadline = time.monotonic() + (5.0 if article_id.startswith("slow") else 0.6)
        while time.monotonic() < deadline:  # a rule that takes its time
            time.sleep(0.01)
        return real(article_id, text, source_file)

    monkeypatch.setattr(chunk, "extract_records", paced)
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a", "b", "slow1", "slow2", "c"):
        (raw / f"{name}.txt").write_text(f"Ann Lee said 3{len(name)} boats sank in {name}.\n", encoding="utf-8")
    result = extract_folder(raw, tmp_path / "out", time_budget=1.0)
    assert [(f.article_id, f.check) for f in result.failures] == [("slow1", "extract-time-budget"), ("slow2", "extract-time-budget")]
    assert result.articles == 3  # 0.6 s each, 1.8 s in all: over one budget, within each article's own


# --- the extract command never imports pyarrow.compute --------------------------------------------

PROBE = """
import json, sys
from landstrikes.cli import main
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "pyarrow.compute": "pyarrow.compute" in sys.modules, "pyarrow": "pyarrow" in sys.modules}))
"""


@pytest.mark.parametrize("procs", ["1", "2"])
def test_the_extract_command_never_imports_pyarrow_compute(tmp_path, procs):
    done = subprocess.run([sys.executable, "-c", PROBE, "extract", str(RAW), "--out", str(tmp_path / "out"), "--num-proc", procs],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"exit": 0, "pyarrow.compute": False, "pyarrow": True}, done.stderr[-2000:]


# --- the garbage collector: paused only where no cycle arises, always handed back -----------------


def test_the_word_lists_are_built_and_read_without_a_garbage_collection_and_the_collector_is_handed_back(tmp_path, monkeypatch):
    from landstrikes.extract import gazetteer, listcache

    monkeypatch.setenv(listcache.CACHE_ENV, str(tmp_path))
    collections, at_end = [], []
    callback = lambda phase, info: collections.append(phase)  # noqa: E731

    def build():
        places = {f"p{i}": (f"P{i}", "GPE") for i in range(50_000)}  # (50,000 tuples: ~70 collections unpaused)
        at_end.append(len(collections))
        return places

    real_read = listcache._read

    def read(path, builders):
        lists = real_read(path, builders)
        at_end.append(len(collections))
        return lists

    monkeypatch.setattr(listcache, "_read", read)
    gc.callbacks.append(callback)
    try:
        assert gc.isenabled()
        listcache.cached_lists({"places": build}, (), Path(gazetteer.__file__))  # built and cached
        assert gc.isenabled()
        first = len(collections)
        listcache.cached_lists({"places": build}, (), Path(gazetteer.__file__))  # read back
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(callback)
    assert at_end == [0, 0, first]  # (no cache yet, built; read back) with no collection in between
    gc.disable()
    try:
        listcache.cached_lists({"places": build}, (), Path(gazetteer.__file__))
        assert not gc.isenabled()  # a caller's choice stays
    finally:
        gc.enable()


def test_the_catalogue_merges_with_the_old_heap_frozen_and_no_collection_then_hands_both_back(tmp_path, monkeypatch):
    import landstrikes.extract.run as run

    seen = {}
    real = run.entity_shards

    def watched(folder, source):
        for rows in real(folder, source):
            seen.update(frozen=gc.get_freeze_count(), collecting=gc.isenabled())
            yield rows

    monkeypatch.setattr(run, "entity_shards", watched)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    result = run.extract_folder(RAW, tmp_path / "out")
    assert result.rows["entities"] > 0
    assert seen["frozen"] > 10_000 and seen["collecting"] is False
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_articles_are_extracted_with_the_collector_running(tmp_path, monkeypatch):
    """The rules' objects may form cycles: only the bookkeeping around them pauses collection."""
    import landstrikes.extract.chunk as chunk
    from landstrikes.extract.run import extract_folder

    states = []
    real = chunk.extract_records

    def watched(article_id, text, source_file=None):
        states.append(gc.isenabled())
        return real(article_id, text, source_file)

    monkeypatch.setattr(chunk, "extract_records", watched)
    extract_folder(RAW, tmp_path / "out")
    assert states and all(states)


def test_a_run_with_nothing_to_extract_loads_no_word_lists(tmp_path, monkeypatch):
    """The main process loads the lists up front only when some article will be extracted."""
    import landstrikes.extract.run as run

    def no_lists():
        raise AssertionError("word lists loaded for a run with nothing to extract")

    monkeypatch.setattr(run, "warm_up", no_lists)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    result = run.extract_folder(raw, tmp_path / "out")
    assert result.articles == 0 and [f.check for f in result.failures] == ["extract-empty"]
