"""review15: attack15's card-configs and croissant record-set witnesses keyed dicts and sets by
whatever the tampered document held: an `@id`, field `name` or `config_name` that was a list or
a mapping stopped `verify` with `[internal-error] TypeError: unhashable type` (no file, no
place). Such a document is now a `witness-mismatch` naming the place, like any other forgery."""

from __future__ import annotations

import json

import pytest

from conftest import rehash_in_manifest
from landstrikes.cli import main


def _forge(release, rel, change):
    path = release / rel
    if rel.endswith(".json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        change(document)
        path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    else:
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), rel)


def _distribution_id(document):
    document["distribution"][0]["@id"] = [1]


def _record_set_id(document):
    document["recordSet"][0]["@id"] = {"a": 1}


def _field_name(document):
    document["recordSet"][0]["field"][0]["name"] = ["x"]


@pytest.mark.parametrize("rel, change, where", [
    ("croissant.json", _distribution_id, "croissant.json#"),
    ("croissant.json", _record_set_id, "croissant.json#"),
    ("croissant.json", _field_name, "croissant.json#"),
    ("README.md", lambda text: text.replace("config_name: quotes", "config_name: [quotes]", 1), "README.md#configs"),
])
def test_an_unhashable_id_is_a_witness_mismatch_not_a_crash(release_copy, capsys, rel, change, where):
    _forge(release_copy, rel, change)
    assert main(["verify", str(release_copy)]) == 1
    out = capsys.readouterr()
    assert "internal-error" not in out.err and "[witness-mismatch] " + where in out.out, out
