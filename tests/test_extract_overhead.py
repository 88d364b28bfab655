"""What issue 17's overhead cuts may change and what they may not: the rows `extract` writes.

Each faster form is checked against the plain definition it replaced: a shard built from columns
and sorted by Arrow is `write_table` of the rows sorted by id, byte for byte; the catalogue merged
from per-chunk partial rows is `merge_evidence` of every article's evidence; chunk cuts cover the
files in order; and an extract command process that never imports pandas writes what a process
with pandas writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.extract.article import ARTICLE_TABLES, FIELDS, extract_article, extract_records
from landstrikes.extract.catalogue import (
    BUCKETS,
    EVIDENCE_FIELDS,
    ChunkEvidence,
    _bucket_ranges,
    evidence_path,
    merge_evidence,
    merged_passes,
    read_partials,
)
from landstrikes.extract.chunk import shard_metadata, write_rows
from landstrikes.extract.run import chunk_ranges
from landstrikes.extract.shard import Columns, write_shard
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "dataset" / "raw"


# --- a shard from columns is write_table of the rows sorted by id --------------------------------


def _gold_texts() -> dict[str, str]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}
    # names whose ids sort otherwise than the file names ("a1:" > "a10:"), and a text twice
    return texts | {"a1": texts[min(texts)], "a10": texts[max(texts)], "a10-b": texts[min(texts)][:900]}


def _gold_rows() -> list[dict]:
    return [extract_article(name, text, f"{name}.txt") for name, text in _gold_texts().items()]


@pytest.mark.parametrize("form", ["records", "rows"])
@pytest.mark.parametrize("batch_rows", [1, 7, 4096])
def test_a_shard_from_columns_is_write_table_of_the_rows_sorted_by_id(tmp_path, batch_rows, form):
    """Fed the command's records (tuples) or dict rows, a shard is write_table of the dict rows."""
    articles = _gold_rows()
    fed = [extract_records(name, text, f"{name}.txt") for name, text in _gold_texts().items()] if form == "records" else articles
    for table in ARTICLE_TABLES:
        spec = TABLES_BY_NAME[table]
        columns = Columns(spec, batch_rows)
        rows = []
        for article, given in zip(articles, fed):
            columns.extend(given[table])
            rows.extend(article[table])
        write_shard(columns, tmp_path / f"{table}-fast.parquet", shard_metadata(table))
        write_rows(sorted(rows, key=lambda r: r[spec.id_column]), table, tmp_path / f"{table}-plain.parquet")
        fast, plain = (tmp_path / f"{table}-fast.parquet").read_bytes(), (tmp_path / f"{table}-plain.parquet").read_bytes()
        assert columns.rows == len(rows)
        assert fast == plain, table


def test_a_record_is_its_row_in_the_order_of_its_tables_columns():
    """extract_records and extract_article are one extraction: each record is its row's values in
    the schema's column order, the evidence records in EVIDENCE_FIELDS' order."""
    for name, text in _gold_texts().items():
        records, rows = extract_records(name, text, f"{name}.txt"), extract_article(name, text, f"{name}.txt")
        for table in ARTICLE_TABLES:
            assert FIELDS[table] == tuple(TABLES_BY_NAME[table].arrow_schema().names)
            assert [list(r) for r in records[table]] == [[row[c] for c in FIELDS[table]] for row in rows[table]], table
            assert all(type(r) is tuple for r in records[table])
        assert [[*r[:-1], list(r[-1])] for r in records["entity_rows"]] == [[row[f] for f in EVIDENCE_FIELDS] for row in rows["entity_rows"]]
        assert all(type(r) is tuple and type(r[-1]) is tuple for r in records["entity_rows"])  # (untracked by the collector)


def test_an_empty_shard_is_write_table_of_no_rows(tmp_path):
    for table in ARTICLE_TABLES:
        write_shard(Columns(TABLES_BY_NAME[table]), tmp_path / "fast.parquet", shard_metadata(table))
        write_rows([], table, tmp_path / "plain.parquet")
        assert (tmp_path / "fast.parquet").read_bytes() == (tmp_path / "plain.parquet").read_bytes(), table


# --- the catalogue from per-chunk partial rows is merge_evidence of all the evidence -------------

from evidence_strategies import EVIDENCE, records  # noqa: E402


def _catalogue_from_chunks(folder: Path, articles: list[list[dict]], cuts: list[int]) -> list[dict]:
    """Write each chunk's partial file as workers do, then merge them as the main process does."""
    bounds = [0, *sorted(set(cuts)), len(articles)]
    for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
        chunk = ChunkEvidence()
        for rows in articles[start:end]:
            chunk.add_rows(records(rows))
        chunk.write(evidence_path(folder, i))
    return sorted((row for rows in merged_passes(folder) for row in rows), key=lambda r: r["entity_id"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(EVIDENCE, max_size=4), max_size=12), st.lists(st.integers(0, 12), max_size=4), st.data())
def test_the_catalogue_merged_from_chunk_partials_equals_merging_every_articles_evidence(tmp_path_factory, articles, cuts, data):
    # one article's evidence has one row per entity (extract_article's _entity_rows)
    articles = [list({r["entity_id"]: r for r in rows}.values()) for rows in articles]
    cuts = [c for c in cuts if c <= len(articles)]
    expected = merge_evidence([tuple(r[f] for f in EVIDENCE_FIELDS) for rows in articles for r in rows])
    got = _catalogue_from_chunks(tmp_path_factory.mktemp("evidence"), articles, cuts)
    assert got == expected


def test_bucket_ranges_count_evidence_rows_whatever_the_chunks(tmp_path, monkeypatch):
    from landstrikes.extract import catalogue

    monkeypatch.setattr(catalogue, "PASS_ROWS", 7)
    articles = [[{"entity_id": f"e{(a * 7 + k) % 23}", "name": "N", "type": "ORG", "mentions": 1, "confidence": 0.5,
                  "aliases": []} for k in range(5)] for a in range(20)]
    ranges = []
    for cuts in ([], [5, 10, 15], list(range(1, 20))):
        folder = tmp_path / f"cut-{len(cuts)}"
        got = _catalogue_from_chunks(folder, articles, cuts)
        ranges.append(list(_bucket_ranges(sorted(folder.glob("*.arrow")))))
        assert got == merge_evidence([tuple(r[f] for f in EVIDENCE_FIELDS) for rows in articles for r in rows])
    assert ranges[0] == ranges[1] == ranges[2] and len(ranges[0]) > 3
    assert ranges[0][0][0] == 0 and ranges[0][-1][1] == BUCKETS


# --- chunk cuts ----------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(1, 5000), max_size=60), st.integers(1, 8), st.integers(1, 20_000))
def test_chunks_cover_the_files_in_order_one_per_worker_unless_larger_than_chunk_bytes(sizes, workers, chunk_bytes):
    ranges = chunk_ranges(sizes, workers, chunk_bytes)
    n, total = len(sizes), sum(sizes)
    if not sizes:
        assert ranges == []
        return
    assert ranges[0][0] == 0 and ranges[-1][1] == n
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(start < end for start, end in ranges)
    per_worker = -(-total // (workers * chunk_bytes))
    assert len(ranges) == min(n, workers * per_worker)
    # about equal bytes: a chunk is over its share by less than one file
    share = total / len(ranges)
    assert all(sum(sizes[s:e]) < share + max(sizes[s:e]) for s, e in ranges)


# --- an extract process without pandas writes what one with pandas writes -------------------------

PROBE = """
import json, sys
from landstrikes.cli import main
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "pandas": "pandas" in sys.modules}))
"""


def _rows(out: Path) -> dict[str, list[dict]]:
    tables = {}
    for spec in TABLES:
        files = sorted((out / "data" / spec.name).glob("*.parquet"))
        rows = [r for f in files for r in pq.ParquetFile(f).read().to_pylist()]
        tables[spec.name] = sorted(rows, key=lambda r: str(r.get(spec.id_column)))
    return tables


def test_the_extract_command_imports_no_pandas_and_writes_the_rows_of_a_process_with_pandas(tmp_path):
    from landstrikes.extract.run import extract_folder

    assert "pandas" in sys.modules  # this test process has it (conftest), as library callers may
    for procs in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", PROBE, "extract", str(RAW), "--out", str(tmp_path / f"cli-{procs}"),
                               "--num-proc", procs], cwd=REPO, capture_output=True, text=True, timeout=300)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result == {"exit": 0, "pandas": False}, done.stderr[-2000:]
    extract_folder(RAW, tmp_path / "library", num_proc=1)
    library = _rows(tmp_path / "library")
    assert _rows(tmp_path / "cli-1") == library
    assert _rows(tmp_path / "cli-2") == library
    assert len(library["mentions"]) > 100 and len(library["entities"]) > 50


def test_after_going_without_pandas_an_explicit_to_pandas_still_works():
    code = ("import sys; from landstrikes.extract.nopandas import arrow_without_pandas; import pyarrow as pa; "
            "assert arrow_without_pandas(); t = pa.table({'a': pa.array(['x', None], pa.string())}); "
            "assert 'pandas' not in sys.modules; print(t.to_pandas().shape, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["(2,", "1)", "True"], done.stderr[-2000:]


def test_typed_arrow_columns_need_no_pandas_but_a_bare_scalar_would():
    """Why catalogue.py passes typed scalars to Arrow compute: an untyped value is type-inferred,
    and inference imports pandas even after the shim was answered."""
    code = ("import sys; from landstrikes.extract.nopandas import arrow_without_pandas; import pyarrow as pa, pyarrow.compute as pc; "
            "arrow_without_pandas(); b = pa.array([1, 5], pa.int32()); pc.less(b, pa.scalar(3, pa.int32())); "
            "typed = 'pandas' in sys.modules; pc.less(b, 3); print(typed, 'pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "True"], done.stderr[-2000:]


def test_a_partial_row_keeps_names_seen_with_no_mentions(tmp_path):
    """A speaker-only entity has 0 mentions: its name must survive the chunk merge."""
    chunk = ChunkEvidence()
    chunk.add_rows([("x", "X", "PERSON", 0, 0.4, [])])  # (entity_id, name, type, mentions, confidence, aliases)
    chunk.write(evidence_path(tmp_path, 0))
    table = read_partials(evidence_path(tmp_path, 0))
    assert table.column("names").to_pylist() == [["X"]] and table.column("name_mentions").to_pylist() == [[0]]
    assert table.schema.field("bucket").type == pa.int32()


def test_a_catalogue_merged_in_many_passes_needs_no_pandas(tmp_path):
    """The bucket filter of each pass uses typed scalars (a bare int would import pandas)."""
    code = f"""
import sys
from pathlib import Path
from landstrikes.extract.nopandas import arrow_without_pandas
from landstrikes.extract import catalogue
assert arrow_without_pandas()
chunk = catalogue.ChunkEvidence()
chunk.add_rows([(f"e{{i}}", "N", "ORG", 1, 0.5, ["n"]) for i in range(40)])
chunk.write(catalogue.evidence_path(Path({str(tmp_path)!r}), 0))
catalogue.PASS_ROWS = 5
passes = list(catalogue.merged_passes(Path({str(tmp_path)!r})))
print(len(passes) > 3, sum(map(len, passes)), "pandas" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "40", "False"], done.stderr[-2000:]


# --- the word-list cache read with C-speed checks is the plain per-item check ---------------------


def plain_thaw(stored: dict):
    """The definition (the loop it replaced): every item checked in Python."""
    if "frozenset" in stored:
        items = stored["frozenset"]
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise TypeError("not a list of strings")
        return frozenset(items)
    pairs, tuples = stored["dict"], stored["tuple_values"]
    if not isinstance(pairs, list):
        raise TypeError("not a list of pairs")
    out = {}
    for key, value in pairs:
        if not isinstance(key, str):
            raise TypeError("a key that is not a string")
        if tuples:
            if not (isinstance(value, list) and all(isinstance(x, str) for x in value)):
                raise TypeError("a value that is not a list of strings")
            value = tuple(value)
        elif value is not None and not isinstance(value, str):
            raise TypeError("a value that is not a string")
        out[key] = value
    return out


JSONISH = st.one_of(st.none(), st.integers(-2, 2), st.sampled_from(["a", "b", "é", ""]))
ITEM = st.one_of(st.sampled_from(["a", "b", "Zürich", ""]), JSONISH, st.lists(st.sampled_from(["a", "b"]), max_size=2))
PAIR = st.one_of(st.tuples(st.sampled_from(["k", "l", "m"]), ITEM).map(list), st.lists(ITEM, max_size=3))
STORED = st.one_of(
    st.fixed_dictionaries({"frozenset": st.one_of(st.lists(ITEM, max_size=6), JSONISH)}),
    st.fixed_dictionaries({"dict": st.one_of(st.lists(PAIR, max_size=6), JSONISH), "tuple_values": st.booleans()}),
)


def _outcome(thaw, stored):
    try:
        value = thaw(stored)
    except (ValueError, TypeError, KeyError, AttributeError):  # what listcache._read treats as "rebuild"
        return "rejected"
    return type(value), value, [type(v) for v in value.values()] if isinstance(value, dict) else None


@settings(max_examples=1000, deadline=None)
@given(STORED)
def test_the_word_list_cache_accepts_and_rejects_what_the_per_item_checks_do(stored):
    from landstrikes.extract.listcache import _thaw

    assert _outcome(_thaw, stored) == _outcome(plain_thaw, stored)


# --- the chunk's gc.freeze is handed back ---------------------------------------------------------


def test_a_chunk_hands_back_the_objects_it_froze_and_leaves_a_callers_freeze_alone(tmp_path):
    import gc

    from landstrikes.extract.run import extract_folder

    assert gc.get_freeze_count() == 0
    extract_folder(RAW, tmp_path / "one", num_proc=1)
    assert gc.get_freeze_count() == 0  # a library caller's objects are collectable again
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        extract_folder(RAW, tmp_path / "two", num_proc=1)
        assert gc.get_freeze_count() > frozen // 2  # the caller's freeze stays (less what was freed meanwhile)
    finally:
        gc.unfreeze()
