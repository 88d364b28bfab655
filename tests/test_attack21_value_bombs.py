"""A Parquet part whose few rows spell out one huge value many times is a decompression bomb too
(attack21).

The bomb floor counted 8 bytes per value (rows x columns): a file declaring millions of rows is
refused unread. But a value is as long as its writer makes it, and a dictionary page holds it once
for every row that names it by index: a 50 KB quotes part of 320 rows whose `cue_lemma` is one
megabyte of one letter, held once, passed the floor, and validate spelt out 320 MB (1,000 rows:
3.2 GB resident). The footer does not state that size; the dictionaries are read as dictionaries
and the values counted without spelling them out, when the footer allows more than the floor, and
a file whose values spell out over 100 times both its size and its pages' decompressed size is
`decompression-bomb`, exit 2, for validate, verify, load and `validate --engine` alike. (Plain
pages of values that compress ten thousandfold are not judged: the footer states their size, and
the benchmarks' 1 GB article is one; attack21's notes.)
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema.tableio import BOMB_FLOOR, bomb_reason

LONG = 1 << 20
ROWS = (BOMB_FLOOR // LONG) + 64


def _bomb(path, column: str = "cue_lemma") -> None:
    """`path`'s first row ROWS times, its `column` one value of LONG letters held once in the
    dictionary and repeated by index, in one row group: about 50 KB on disk."""
    table = pq.read_table(path)
    index = table.schema.get_field_index(column)
    rows = table.take(pa.array([0] * ROWS))
    values = pa.DictionaryArray.from_arrays(pa.array([0] * ROWS, pa.int32()), pa.array(["a" * LONG], pa.string()))
    bomb = rows.set_column(index, pa.field(column, values.type, table.schema.field(index).nullable), values)
    # no stored Arrow schema: every reader sees the column as the plain string the schema wants
    pq.write_table(bomb.replace_schema_metadata(table.schema.metadata), path, compression="zstd", store_schema=False)


def test_few_rows_of_one_huge_value_repeated_by_index_are_a_bomb_refused_unread(dataset_copy):
    path = dataset_copy / "data" / "quotes" / "quotes.parquet"
    _bomb(path)
    assert path.stat().st_size < 1 << 20
    code, peak_kb, output = _run_measured("validate", str(dataset_copy))
    assert code == 2, output[-2000:]
    assert "[decompression-bomb]" in output and "quotes.parquet" in output, output[-2000:]
    assert peak_kb < (BOMB_FLOOR >> 10), f"{peak_kb} KB resident: the values were decoded"


def test_the_gold_tables_are_no_bomb(built_dataset):
    for path in sorted((built_dataset / "data").glob("*/*.parquet")):
        with pq.ParquetFile(path) as handle:
            assert bomb_reason(path, path.stat().st_size, handle.metadata) is None, path


def test_verify_refuses_a_value_bomb_in_a_release_unread(release_copy):
    from landstrikes.releases.manifest import verify

    path = release_copy / "data" / "quotes" / "quotes.parquet"
    _bomb(path)
    manifest_path = release_copy / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"]["data/quotes/quotes.parquet"].update(
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    problems = verify(release_copy)
    assert any(p.check == "decompression-bomb" and p.path == "data/quotes/quotes.parquet" for p in problems), problems


PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stdout.write(done.stdout + done.stderr)
print(f"PEAK_KB {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} EXIT {done.returncode}")
"""


def _run_measured(*args: str) -> tuple[int, int, str]:
    """Exit code, peak resident kilobytes and output of `landstrikes ARGS`, run by a fresh parent."""
    done = subprocess.run([sys.executable, "-c", PEAK, sys.executable, "-m", "landstrikes", *args],
                          capture_output=True, text=True, timeout=300)
    *output, last = done.stdout.rstrip("\n").split("\n")
    _, peak, _, code = last.split()
    return int(code), int(peak), "\n".join(output)


def test_validate_engine_refuses_a_value_bomb_before_placement_reads_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "001_a.txt").write_text('"We will rebuild the bridge," Maria Lopez said on Monday.\n', encoding="utf-8")
    out = tmp_path / "silver"
    assert subprocess.run([sys.executable, "-m", "landstrikes", "extract", str(raw), "--out", str(out)],
                          capture_output=True, timeout=300).returncode == 0
    (part,) = (out / "data" / "quotes").glob("*.parquet")
    _bomb(part, "article_id")
    code, peak_kb, output = _run_measured("validate", str(out), "--engine", "local")
    assert code == 2 and "[decompression-bomb]" in output, output
    assert peak_kb < (BOMB_FLOOR >> 10), f"{peak_kb} KB resident: the ids were decoded"


@pytest.mark.parametrize("seed", range(12))
def test_the_dictionary_bound_is_never_below_the_exact_count(seed):
    """The cheap bound (each value at most its column's longest dictionary value, plus the pages'
    own bytes) only ever skips the exact count where the count would find no bomb: it is never
    below it, with many pages, dictionaries that fall back to plain pages, lists and row groups."""
    import io
    import random

    import pyarrow as pa
    import pyarrow.parquet as pq

    from landstrikes.schema import tableio

    rng = random.Random(seed)
    n = rng.choice([10, 500, 3000])
    values = [("x" * rng.randint(0, 3000)) + str(rng.randint(0, 50)) for _ in range(n)]
    table = pa.table({"a": values, "b": [[rng.choice(values[:20]) for _ in range(rng.randint(0, 3))] for _ in range(n)],
                      "c": [rng.choice(values[:5]) for _ in range(n)]})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, data_page_size=rng.choice([64, 1024, 1 << 20]),
                   dictionary_pagesize_limit=rng.choice([128, 4096, 1 << 20]), row_group_size=rng.choice([7, 100, 10**6]))
    metadata = pq.ParquetFile(io.BytesIO(buffer.getvalue())).metadata
    names = ["a", "b", "c"]
    with pq.ParquetFile(io.BytesIO(buffer.getvalue()), read_dictionary=["a", "b.list.element", "c"]) as handle:
        bound = tableio._dictionary_bound(handle, metadata, names)
        exact = sum(tableio._spelt_bytes(chunk) for i in range(metadata.num_row_groups)
                    for column in handle.read_row_group(i, columns=names).columns for chunk in column.chunks)
    assert bound >= exact
