"""croissant.json's JSON-LD `@context` is the one croissant.py writes (attack19).

mlcroissant expands the document by its `@context`, so the same JSON can mean other things. With
the context mapping `column` to `cr:fileProperty` (and back), re-hashed in MANIFEST.json, every
field still read `extract: {column: <name>}` for verify, which said ok; mlcroissant read each
field as a file property and failed on every one.
"""

from __future__ import annotations

import json

import pytest

from conftest import rehash_in_manifest
from landstrikes.releases.manifest import verify


def _forge_context(release, change) -> None:
    path = release / "croissant.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document["@context"])
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), "croissant.json")


@pytest.mark.parametrize("change", [
    lambda c: c.update(column="cr:fileProperty", fileProperty="cr:column"),
    lambda c: c.update(sc="https://example.org/"),
    lambda c: c.pop("transform"),
], ids=["keys swapped", "a prefix moved", "a term dropped"])
def test_a_context_other_than_croissants_is_refused(release_copy, change):
    _forge_context(release_copy, change)
    assert [(p.check, p.path) for p in verify(release_copy)] == [("witness-mismatch", "croissant.json#@context")]
