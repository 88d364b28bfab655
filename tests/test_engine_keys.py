"""The corpus-wide key passes read many small partition files as few large batches: what a
bucket holds must not depend on how the rows are split into files. A check opens each file once
for all its passes (they were opened again every pass: 1,289 opens in one small run)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.engines import keys
from landstrikes.schema.report import Report


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


def _key_findings(files, ref_files) -> list:
    report = Report(path="x")
    keys.check_unique("t", files, "id", "n", report, pass_rows=7)
    keys.check_foreign_key("t", files, "id", "n", False, "r", ref_files, "id", report, pass_rows=7)
    return report.findings


def test_a_key_check_opens_each_file_once_for_all_its_passes_and_finds_what_reopening_finds(tmp_path, monkeypatch):
    ids = [f"a{i % 90}" for i in range(100)]  # ten repeated ids; the references lack a0-a19
    (tmp_path / "t").mkdir(), (tmp_path / "r").mkdir()
    files = _files(tmp_path / "t", [ids[k:k + 10] for k in range(0, len(ids), 10)])
    ref_files = _files(tmp_path / "r", [[f"a{i}" for i in range(20, 90)]])
    opened = []

    class Counted(pq.ParquetFile):
        def __init__(self, source, *args, **kwargs):
            opened.append(source)
            super().__init__(source, *args, **kwargs)

    monkeypatch.setattr(keys.pq, "ParquetFile", Counted)
    found = _key_findings(files, ref_files)
    assert sorted(map(str, opened)) == sorted(map(str, files * 2 + ref_files))  # once a check (15 and 25 passes)
    assert {f.check for f in found} == {"duplicate-id", "dangling-foreign-key"}
    monkeypatch.setattr(keys, "KEEP_OPEN", 3)  # past the bound: the other files opened once a pass
    opened.clear()
    assert _key_findings(files, ref_files) == found
    assert len(opened) > 100
