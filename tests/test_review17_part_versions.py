"""`validate --engine` reads every part's schema version, as one-folder `validate` does: a
partition file written by another version (or stamped by nothing) is `schema-version-mismatch`
naming that file, not hidden behind the first file's stamp."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from landstrikes.schema.tableio import METADATA_PREFIX
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def _restamp(path: Path, version: str | None) -> None:
    """The file with its schema version replaced (None: the stamp taken out)."""
    table = pq.read_table(path)
    meta = {k: v for k, v in (table.schema.metadata or {}).items() if k != f"{METADATA_PREFIX}schema_version".encode()}
    if version is not None:
        meta[f"{METADATA_PREFIX}schema_version".encode()] = version.encode()
    pq.write_table(table.replace_schema_metadata(meta), path)



@pytest.mark.parametrize("part", ["quotes-000000000.parquet", "quotes-000000003.parquet"])
@pytest.mark.parametrize("version", [None, "1.0"])
def test_a_partition_file_of_another_schema_version_is_named_as_in_one_folder(tmp_path, part, version):
    corpus = scatter(tmp_path, own_partition)
    _restamp(corpus / "data" / "quotes" / part, version)
    findings = same_as_one_folder(corpus)
    assert [(f.check, f.message.split()[0]) for f in findings] == [("schema-version-mismatch", part)]


def test_every_partition_file_of_another_version_is_one_finding_each(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    for path in sorted((corpus / "data" / "mentions").iterdir()):
        _restamp(path, "1.0")
    findings = same_as_one_folder(corpus)
    assert len(findings) == len(list((corpus / "data" / "mentions").iterdir())) > 1
