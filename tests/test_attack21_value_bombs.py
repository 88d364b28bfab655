"""A Parquet part whose few rows decode to huge values is a decompression bomb too (attack21).

The bomb floor counted 8 bytes per value (rows x columns): a file declaring millions of rows is
refused unread. But a value is as long as its writer makes it. A 96 KB quotes part of 1,000 rows
whose `cue_lemma` is one megabyte of one letter (zstd shrinks it ten thousandfold) passed the
floor, and validate decoded a gigabyte: 3.2 GB resident, 7 s; ten times the rows is 32 GB. Two
shapes: plain pages, whose decompressed size the footer states (the column chunks'
`total_uncompressed_size`), and a dictionary of one long value repeated by its index, which the
footer does not state: the dictionaries are read as dictionaries and the values counted, without
spelling them out, when the footer allows more than the floor. Both are `decompression-bomb`, exit
2, for validate; verify and load refuse such a file in a release unread too.
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


def _bomb(path, shape: str) -> None:
    """`path`'s table with ROWS rows whose `cue_lemma` is LONG letters, in ROWS // 8 row groups."""
    table = pq.read_table(path)
    row = table.slice(0, 1)
    long_value = pa.array(["a" * LONG], pa.string())
    per_group = 8
    schema = table.schema
    with pq.ParquetWriter(path, schema, compression="zstd", use_dictionary=shape == "dictionary") as writer:
        for _ in range(ROWS // per_group):
            group = pa.concat_tables([row] * per_group)
            index = schema.get_field_index("cue_lemma")
            values = pa.DictionaryArray.from_arrays(pa.array([0] * per_group, pa.int32()), long_value)
            writer.write_table(group.set_column(index, schema.field(index), values.cast(pa.string())))


@pytest.mark.parametrize("shape", ["plain", "dictionary"])
def test_few_rows_of_huge_values_are_a_bomb_refused_unread(dataset_copy, shape):
    path = dataset_copy / "data" / "quotes" / "quotes.parquet"
    _bomb(path, shape)
    assert path.stat().st_size < 4 << 20
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
    _bomb(path, "dictionary")
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
    table = pq.read_table(part)
    index = table.schema.get_field_index("article_id")
    long_id = pa.array(["a" * LONG], pa.string())
    with pq.ParquetWriter(part, table.schema, compression="zstd", use_dictionary=True) as writer:
        for _ in range(ROWS // 8):
            group = pa.concat_tables([table.slice(0, 1)] * 8)
            ids = pa.DictionaryArray.from_arrays(pa.array([0] * 8, pa.int32()), long_id).cast(pa.string())
            writer.write_table(group.set_column(index, table.schema.field(index), ids))
    code, peak_kb, output = _run_measured("validate", str(out), "--engine", "local")
    assert code == 2 and "[decompression-bomb]" in output, output
    assert peak_kb < (BOMB_FLOOR >> 10), f"{peak_kb} KB resident: the ids were decoded"
