"""A part's `landstrikes.*` stamps hold only what a landstrikes writer writes (attack62).

README ("Versions and releases") says each file carries `landstrikes.dataset_version` = X.Y.Z;
`extract` stamps `landstrikes.source=auto`, `build` no source at all. Validate compared the
stamps of a folder's parts with each other and nothing else: every file stamped 'banana', a
version with a line break, ten megabytes of digits or bytes that are not UTF-8 was VALID, and
its report said `checked: dataset banana ... VALID`. Two parts stamped with different bytes that
are not UTF-8 were one version to the mismatch check, both read as U+FFFD. Each such stamp is
now `bad-stamp`, one finding per part, naming the part, the key and the value, in one folder and
under `--engine` alike."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate
from landstrikes.schema.tableio import METADATA_PREFIX
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def _stamp(path: Path, key: str, value: bytes) -> None:
    table = pq.read_table(path)
    meta = {**(table.schema.metadata or {}), f"{METADATA_PREFIX}{key}".encode(): value}
    pq.write_table(table.replace_schema_metadata(meta), path)


def _stamp_every_part(data: Path, key: str, value: bytes) -> list[Path]:
    parts = sorted(data.glob("*/*.parquet"))
    for path in parts:
        _stamp(path, key, value)
    return parts


NOT_VERSIONS = [
    b"banana",
    b"2.35.2\nVALID",  # a line break: a second line of the report
    b"v2.35.2",
    b"02.35.2",  # padding: no X.Y.Z spells it
    b"2.35.2 ",
    b"2.35",
    "1\u0660.0.0".encode(),  # an Arabic-Indic zero is a digit to Python, not to X.Y.Z
    b"2.35.\xff",  # not UTF-8: it had been shown as U+FFFD and judged so
    b"9" * 10_000_000,
]


@pytest.mark.parametrize("value", NOT_VERSIONS, ids=lambda v: repr(v[:12]))
def test_a_dataset_version_stamp_that_is_no_version_is_a_finding(dataset_copy, value):
    parts = _stamp_every_part(dataset_copy / "data", "dataset_version", value)
    report = validate(dataset_copy)
    found = [f for f in report.findings if f.check == "bad-stamp"]
    assert report.exit_code == 1
    assert len(found) == len(parts)  # one per part: each file is what a reader gets
    first = found[0]
    assert "\n" not in first.message and len(first.message) < 400
    assert first.message.startswith(f"{sorted(parts)[0].name}: landstrikes.dataset_version ")


def test_parts_stamped_with_different_undecodable_bytes_are_not_one_version(dataset_copy):
    data = dataset_copy / "data"
    _stamp_every_part(data, "dataset_version", b"2.35.\xff")
    _stamp(sorted((data / "quotes").glob("*.parquet"))[0], "dataset_version", b"2.35.\xfe")
    report = validate(dataset_copy)
    assert report.exit_code == 1
    assert {f.check for f in report.findings} == {"bad-stamp"}


@pytest.mark.parametrize("value", [b"Auto", b"gold", b"auto\n", b"auto "])
def test_a_source_stamp_other_than_auto_is_a_finding(dataset_copy, value):
    path = sorted((dataset_copy / "data" / "claims").glob("*.parquet"))[0]
    _stamp(path, "source", value)
    report = validate(dataset_copy)
    found = [f for f in report.findings if f.check == "bad-stamp"]
    assert report.exit_code == 1
    assert [(f.table, f.message.split(":")[0]) for f in found] == [("claims", path.name)]


def test_the_stamps_writers_write_are_no_finding(dataset_copy):
    _stamp_every_part(dataset_copy / "data", "dataset_version", b"10.0.123")
    assert validate(dataset_copy).exit_code == 0


@pytest.mark.parametrize("key, value", [("dataset_version", b"banana"), ("source", b"gold")])
def test_a_partition_stamped_so_is_named_as_in_one_folder(tmp_path, key, value):
    corpus = scatter(tmp_path, own_partition)
    _stamp(corpus / "data" / "quotes" / "quotes-000000003.parquet", key, value)
    findings = same_as_one_folder(corpus)
    assert ("bad-stamp", "quotes-000000003.parquet") in [(f.check, f.message.split(":")[0]) for f in findings]
    assert {f.check for f in findings} <= {"bad-stamp", "dataset-version-mismatch"}  # one part of another version too
