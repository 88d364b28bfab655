"""attack15: croissant.json's record sets say which file and column each field is read from
(mlcroissant follows them), and verify checked only the files' sha256 and the label sets. A
croissant.json (re-hashed in MANIFEST.json) whose `quotes/text` field was read from the
`cue_text` column, whose quotes FileObject named the claims file, or which dropped a field,
verified ok. Now each table's record set reads each of the manifest's columns, by name, from
that table's own file: `witness-mismatch`."""

from __future__ import annotations

import json

import pytest

from conftest import DATASET, rehash_in_manifest
from landstrikes.releases.manifest import verify


@pytest.fixture
def release(release_copy):
    return release_copy


def _edit(release, change):
    path = release / "croissant.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), "croissant.json")
    return [str(p) for p in verify(release)]


def _record_set(document, name):
    return next(rs for rs in document["recordSet"] if rs["@id"] == name)


def _field(document, table, column):
    return next(f for f in _record_set(document, table)["field"] if f["name"] == column)


def _column_from(document):
    _field(document, "quotes", "text")["source"]["extract"]["column"] = "cue_text"


def _file_swapped(document):
    objects = {o["@id"]: o for o in document["distribution"]}
    a, b = objects["quotes-parquet"], objects["claims-parquet"]
    (a["contentUrl"], a["sha256"]), (b["contentUrl"], b["sha256"]) = (b["contentUrl"], b["sha256"]), (a["contentUrl"], a["sha256"])


def _field_from_other_file(document):
    _field(document, "quotes", "text")["source"]["fileObject"]["@id"] = "claims-parquet"


def _field_dropped(document):
    rs = _record_set(document, "quotes")
    rs["field"] = [f for f in rs["field"] if f["name"] != "speaker_text"]


def _record_set_dropped(document):
    document["recordSet"] = [rs for rs in document["recordSet"] if rs["@id"] != "stances"]


@pytest.mark.parametrize("change", [_column_from, _file_swapped, _field_from_other_file, _field_dropped, _record_set_dropped])
def test_a_croissant_reading_other_columns_or_files_fails_verify(release, change):
    problems = _edit(release, change)
    assert problems and all("witness-mismatch" in p for p in problems), problems


def test_the_committed_releases_croissants_hold():
    for version in ("1.0.0", "2.0.0", "2.1.0"):
        assert verify(DATASET / "releases" / version) == [], version
