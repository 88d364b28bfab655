"""croissant.json's fields read their column as it is (attack19).

attack15 held each field's `source` to its table's file and column, but looked at nothing else.
mlcroissant applies a source's `transform`: a croissant.json re-hashed in MANIFEST.json whose
`quotes/text` source carried `transform: {regex: '^(.{0,5})'}` verified ok, and mlcroissant
returned five characters of every quote. A field is now exactly what releases/croissant.py writes
for the manifest's column: its source the file and column and nothing more, its dataType the
column's type, `repeated` exactly for a list column, and no other key. A table's record set
carrying inline `data` (which mlcroissant then failed on, a cycle in its graph) verified ok too.
"""

from __future__ import annotations

import json

import pytest

from conftest import rehash_in_manifest
from landstrikes.releases.manifest import verify


def _field(document: dict, table: str, name: str) -> dict:
    record_set = next(rs for rs in document["recordSet"] if rs["@id"] == table)
    return next(f for f in record_set["field"] if f["name"] == name)


MUTATIONS = {
    "a regex transform": ("quotes", "text", lambda f: f["source"].update(transform={"regex": "^(.{0,5})"})),
    "a format": ("quotes", "start", lambda f: f["source"].update(format="%d")),
    "a file property beside the column": ("quotes", "text", lambda f: f["source"]["extract"].update(fileProperty="content")),
    "another dataType": ("quotes", "start", lambda f: f.update(dataType="sc:Text")),
    "a list column not repeated": ("entities", "aliases", lambda f: f.pop("repeated")),
    "a plain column repeated": ("quotes", "text", lambda f: f.update(repeated=True)),
    "a key croissant.py never writes": ("quotes", "text", lambda f: f.update(subField=[])),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_field_read_otherwise_than_its_column_is_refused(release_copy, mutation):
    table, name, change = MUTATIONS[mutation]
    path = release_copy / "croissant.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(_field(document, table, name))
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    rehash_in_manifest(release_copy, json.loads((release_copy / "MANIFEST.json").read_text(encoding="utf-8")), "croissant.json")
    assert [(p.check, p.path) for p in verify(release_copy)] == [("witness-mismatch", f"croissant.json#{table}/{name}")]


def test_a_table_record_set_with_inline_data_is_refused(release_copy):
    path = release_copy / "croissant.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    record_set = next(rs for rs in document["recordSet"] if rs["@id"] == "stance_targets")
    record_set["data"] = [{f"stance_targets/{f['name']}": "forged" for f in record_set["field"]}]
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    rehash_in_manifest(release_copy, json.loads((release_copy / "MANIFEST.json").read_text(encoding="utf-8")), "croissant.json")
    assert [(p.check, p.path) for p in verify(release_copy)] == [("witness-mismatch", "croissant.json#stance_targets")]


def test_the_committed_croissant_fields_verify(release_copy):
    assert verify(release_copy) == []
