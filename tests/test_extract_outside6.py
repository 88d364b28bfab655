"""What the sixth round of issue 17's overhead cuts may change and what they may not.

The extract command hands Arrow the C library's allocator (the bytes written do not depend on it,
a caller's own choice is kept); an article's text goes to Arrow as the bytes it was read from,
which write what its str writes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.extract.article import extract_records
from landstrikes.extract.chunk import shard_metadata, with_text_as_read
from landstrikes.extract.shard import Columns, write_shard
from landstrikes.schema.registry import TABLES_BY_NAME

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "dataset" / "raw"


# --- an article's text as the bytes read writes what the str writes -------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
"""Any text a file can hold once decoded (a strict UTF-8 decoding gives no lone surrogate)."""


def _articles_shard(records: list[tuple], path: Path) -> bytes:
    columns = Columns(TABLES_BY_NAME["articles"], batch_rows=3)
    for record in records:
        columns.extend([record])
    write_shard(columns, path, shard_metadata("articles"))
    return path.read_bytes()


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=7))
@example(["\ufeffA BOM first, \u201cquoted\u201d."])
@example(["ASCII only", "caf\u00e9", "\U0001f600 astral", "\u0000nul"])
def test_an_articles_text_as_the_bytes_read_is_written_as_its_str(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("articles")
    plain = [extract_records(f"a{i}", text, f"a{i}.txt")["articles"][0] for i, text in enumerate(texts)]
    as_read = [with_text_as_read(record, text.encode("utf-8")) for record, text in zip(plain, texts)]
    assert _articles_shard(as_read, folder / "read.parquet") == _articles_shard(plain, folder / "plain.parquet")


def test_the_extract_command_writes_what_it_wrote_with_every_text_a_str(tmp_path, monkeypatch):
    """The command's whole output, with with_text_as_read made the identity (the plain form)."""
    import landstrikes.extract.chunk as chunk
    from landstrikes.extract.run import extract_folder

    raw = tmp_path / "raw"
    raw.mkdir()
    for p in sorted(RAW.glob("*.txt")):
        (raw / p.name).write_bytes(p.read_bytes())
    (raw / "curly.txt").write_text("\u201cWe will,\u201d said Ann Lee, caf\u00e9 owner in Paris.\n", encoding="utf-8")
    extract_folder(raw, tmp_path / "fast", time_budget=None)
    monkeypatch.setattr(chunk, "with_text_as_read", lambda record, data: record)
    extract_folder(raw, tmp_path / "plain", time_budget=None)
    fast = sorted(p.relative_to(tmp_path / "fast") for p in (tmp_path / "fast").rglob("*") if p.is_file())
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*") if p.is_file())
    assert fast == plain and any(p.suffix == ".parquet" for p in fast)
    for rel in fast:
        assert (tmp_path / "fast" / rel).read_bytes() == (tmp_path / "plain" / rel).read_bytes(), rel


# --- the extract command's Arrow allocator --------------------------------------------------------

PROBE = """
import json, os, sys
import landstrikes.extract.chunk as chunk
import landstrikes.extract.run as run
real = chunk.extract_chunk
def extract_chunk(job):
    import pyarrow as pa
    with open(os.environ["POOL_REPORT"], "a") as handle:
        handle.write(pa.default_memory_pool().backend_name + "\\n")
    return real(job)
extract_chunk.__module__, extract_chunk.__qualname__ = real.__module__, real.__qualname__
chunk.extract_chunk = run.extract_chunk = extract_chunk
from landstrikes.cli import main
code = main(sys.argv[1:])
import pyarrow as pa
print(json.dumps({"exit": code, "pool": pa.default_memory_pool().backend_name}))
"""


def _extract(tmp_path: Path, name: str, procs: str, pool: str | None) -> tuple[dict, list[str]]:
    import os

    report = tmp_path / f"{name}.pools"
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    env.update({"POOL_REPORT": str(report), "HF_HUB_OFFLINE": "1"}, **({"ARROW_DEFAULT_MEMORY_POOL": pool} if pool else {}))
    done = subprocess.run([sys.executable, "-c", PROBE, "extract", str(RAW), "--out", str(tmp_path / name), "--num-proc", procs],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), report.read_text().split()


@pytest.mark.parametrize("procs", ["1", "2"])
def test_the_extract_command_gives_arrow_the_c_allocator_and_writes_what_mimalloc_wrote(tmp_path, procs):
    mine, workers = _extract(tmp_path, "malloc", procs, None)
    theirs, their_workers = _extract(tmp_path, "mimalloc", procs, "mimalloc")
    assert mine["pool"] == "system" and set(workers) == {"system"} and len(workers) == int(procs)
    assert theirs["pool"] == "mimalloc" and set(their_workers) == {"mimalloc"}  # a caller's own choice stays
    files = sorted(p.relative_to(tmp_path / "malloc") for p in (tmp_path / "malloc").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "mimalloc") for p in (tmp_path / "mimalloc").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "malloc" / rel).read_bytes() == (tmp_path / "mimalloc" / rel).read_bytes(), rel


def test_a_library_caller_keeps_its_arrow_allocator(tmp_path):
    code = f"""
import pyarrow as pa
from landstrikes.extract.run import extract_folder
before = pa.default_memory_pool().backend_name
extract_folder(__import__("pathlib").Path({str(RAW)!r}), __import__("pathlib").Path({str(tmp_path / 'out')!r}))
print(before, pa.default_memory_pool().backend_name)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "HF_HUB_OFFLINE": "1"})
    before, after = done.stdout.split()
    assert before == after != "", done.stderr[-2000:]


# --- a chunk's evidence held and merged when written is add_rows' partial file ---------------------

from evidence_strategies import EVIDENCE, WIDE_EVIDENCE, records, write_partials  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(EVIDENCE, max_size=4), max_size=12))
def test_a_chunks_evidence_held_then_written_is_the_partial_file_merged_as_it_came(tmp_path_factory, articles):
    from landstrikes.extract.catalogue import ChunkEvidence, evidence_path, read_partials

    folder = tmp_path_factory.mktemp("evidence")
    articles = [list({r["entity_id"]: r for r in rows}.values()) for rows in articles]  # (one row per entity)
    merged, held = ChunkEvidence(), ChunkEvidence()
    for rows in articles:
        merged.add_rows(records(rows))
        held.hold(records(rows))
    merged.write(evidence_path(folder, 0))
    held.write(evidence_path(folder, 1))
    assert read_partials(evidence_path(folder, 1)).equals(read_partials(evidence_path(folder, 0)))
    assert held.held == [] and held.entities == merged.entities


# --- entity records read off single partials are entity_row of the merged rows ---------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(WIDE_EVIDENCE, max_size=5), max_size=12), st.lists(st.integers(0, 12), max_size=3),
       st.sampled_from([3, 10, 40_000]))
def test_entity_records_are_entity_row_of_every_merged_catalogue_row(tmp_path_factory, articles, cuts, pass_rows):
    from landstrikes.extract import catalogue
    from landstrikes.extract.catalogue import catalogue_records, entity_row, merged_passes

    folder = tmp_path_factory.mktemp("evidence")
    write_partials(folder, articles, cuts)
    saved = catalogue.PASS_ROWS
    catalogue.PASS_ROWS = pass_rows
    try:
        expected = [[tuple(entity_row(r, "auto").values()) for r in rows] for rows in merged_passes(folder)]
        assert list(catalogue_records(folder, "auto")) == expected
    finally:
        catalogue.PASS_ROWS = saved


def test_entity_records_are_in_the_entities_tables_column_order():
    from landstrikes.extract.catalogue import ENTITY_FIELDS, entity_row

    assert ENTITY_FIELDS == tuple(TABLES_BY_NAME["entities"].column_names) == tuple(entity_row(
        {"entity_id": "a", "name": "A", "type": "ORG", "alias_distinct": [], "entity_id_count": 1, "confidence_max": 0.5,
         "type_mentions": 1, "mentions_sum": 1}, "auto"))


# --- a file read with os.read is what a buffered read returns ------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 400), st.integers(1, 64))
def test_a_read_up_to_n_bytes_is_what_a_buffered_read_returns_even_in_short_reads(tmp_path_factory, content, n, most):
    import os

    from landstrikes.extract import rawread

    path = tmp_path_factory.mktemp("read") / "f.txt"
    path.write_bytes(content)
    with open(path, "rb") as handle:
        expected = handle.read(n)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert rawread.read_up_to(fd, n) == expected
    finally:
        os.close(fd)
    real = os.read
    fd = os.open(path, os.O_RDONLY)
    try:  # a file system that hands back at most `most` bytes a call
        rawread.os.read = lambda fd_, k: real(fd_, min(k, most))
        assert rawread.read_up_to(fd, n) == expected
    finally:
        rawread.os.read = real
        os.close(fd)
