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
import resource
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-m", "landstrikes", "validate", str(dataset_copy)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2, done.stdout[-2000:] + done.stderr
    assert "[decompression-bomb]" in done.stdout + done.stderr, done.stdout[-2000:] + done.stderr
    assert "quotes.parquet" in done.stdout + done.stderr
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss - before < BOMB_FLOOR // 1024, "the values were decoded"


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
