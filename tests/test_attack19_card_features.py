"""The card's features are the manifest's columns (attack19).

`load_dataset(release, cfg)` casts every row to the card's `dataset_info` features; verify
compared only their label lists. A card re-hashed in MANIFEST.json declaring quotes' `start` a
`string` verified ok, and `load_dataset` handed out offsets as strings.
"""

from __future__ import annotations

import json

import pytest

from conftest import rehash_in_manifest
from landstrikes.releases.manifest import verify

FEATURE = "  - name: {name}\n    dtype: {dtype}"


def _retype_in_card(release, name: str, old: str, new: str) -> None:
    card = release / "README.md"
    text = card.read_text(encoding="utf-8")
    at = text.index(FEATURE.format(name=name, dtype=old), text.index("- config_name: quotes\n  features:"))
    card.write_text(text[:at] + FEATURE.format(name=name, dtype=new) + text[at + len(FEATURE.format(name=name, dtype=old)):],
                    encoding="utf-8")
    rehash_in_manifest(release, json.loads((release / "MANIFEST.json").read_text(encoding="utf-8")), "README.md")


@pytest.mark.parametrize("name, old, new", [("start", "int64", "string"), ("confidence", "float64", "float16"),
                                            ("end", "int64", "int8")])
def test_a_card_declaring_another_dtype_is_refused(release_copy, name, old, new):
    _retype_in_card(release_copy, name, old, new)
    problems = [(p.check, p.path, p.message) for p in verify(release_copy)]
    assert [(c, p) for c, p, _ in problems] == [("witness-mismatch", "README.md#dataset_info.quotes.features")]
    assert repr(name) in problems[0][2]


def test_a_card_dropping_a_feature_is_refused(release_copy):
    card = release_copy / "README.md"
    text = card.read_text(encoding="utf-8")
    at = text.index(FEATURE.format(name="confidence", dtype="float64") + "\n", text.index("- config_name: quotes\n  features:"))
    card.write_text(text[:at] + text[at + len(FEATURE.format(name="confidence", dtype="float64")) + 1:], encoding="utf-8")
    rehash_in_manifest(release_copy, json.loads((release_copy / "MANIFEST.json").read_text(encoding="utf-8")), "README.md")
    assert ("witness-mismatch", "README.md#dataset_info.quotes.features") in {(p.check, p.path) for p in verify(release_copy)}
