"""The corpus-wide key passes read many small partition files as few large batches: what a
bucket holds must not depend on how the rows are split into files."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines import keys


def _files(tmp_path, chunks):
    paths = []
    for i, ids in enumerate(chunks):
        path = tmp_path / f"t-{i:09d}.parquet"
        pq.write_table(pa.table({"id": pa.array(ids, pa.string()), "n": pa.array(range(len(ids)), pa.int64())}), path)
        paths.append(path)
    return paths


def _bucket_ids(files, n, b):
    return sorted(keys.in_bucket(files, ["id", "n"], "id", n, b)["id"].to_pylist())


def test_a_bucket_holds_the_same_rows_however_the_rows_are_split_into_files(tmp_path, monkeypatch):
    ids = [f"a{i}" for i in range(500)] + [None]
    monkeypatch.setattr(keys, "BATCH_ROWS", 64)  # several joined batches
    (tmp_path / "one").mkdir(), (tmp_path / "many").mkdir()
    one = _files(tmp_path / "one", [ids])
    many = _files(tmp_path / "many", [ids[k:k + 7] for k in range(0, len(ids), 7)])
    for b in range(3):
        assert _bucket_ids(many, 3, b) == _bucket_ids(one, 3, b)
    assert sum(len(_bucket_ids(many, 3, b)) for b in range(3)) == 500  # nulls are no key
