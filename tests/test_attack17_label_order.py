"""attack17: a release's label list that is not the schema's, stated alike in manifest, card and croissant.

The order of a label list is meaning: `load` builds `datasets.ClassLabel` from it, so a label's
position is the integer code a consumer trains on or stores. `verify` compared the manifest's list
with the card and croissant.json, and with the schema's list only when the card was silent: a list
reordered (or grown by a new label) alike in all three verified `ok`, and `load` handed out
remapped codes. For a release of this package's schema version the schema's list is the authority:
`[manifest-labels-mismatch]`, exit 1, and `load` refuses it."""

from __future__ import annotations

import hashlib
import json

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from test_attack16_label_values import _add_label

CARD_KIND = "          '0': direct\n          '1': partial\n"


def _swap_first_two_kinds(release) -> None:
    """`quotes.kind` as [partial, direct, ...] in the manifest, the card's class_label names and
    croissant.json's label record set, the two documents re-hashed in the manifest."""
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    for column in manifest["tables"]["quotes"]["columns"]:
        if column["name"] == "kind":
            assert column["labels"][:2] == ["direct", "partial"]
            column["labels"][:2] = ["partial", "direct"]
    card = (release / "README.md").read_text(encoding="utf-8")
    assert card.count(CARD_KIND) == 1
    (release / "README.md").write_text(card.replace(CARD_KIND, "          '0': partial\n          '1': direct\n"), encoding="utf-8")
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    for record_set in croissant["recordSet"]:
        if record_set.get("@id") == "labels-quotes-kind":
            data = record_set["data"]
            data[0], data[1] = data[1], data[0]
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("README.md", "croissant.json"):
        path = release / name
        manifest["files"][name].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(params=["reordered", "grown"])
def relabelled(request, release_copy):
    if request.param == "reordered":
        _swap_first_two_kinds(release_copy)
    else:
        _add_label(release_copy, "paraphrase")
    return release_copy


def test_a_label_list_other_than_the_schemas_is_refused_even_when_every_witness_agrees(relabelled, capsys):
    assert main(["verify", str(relabelled)]) == 1
    out = capsys.readouterr().out
    assert "[manifest-labels-mismatch] MANIFEST.json#tables.quotes.kind" in out, out
    assert "schema" in out and "sha256-mismatch" not in out and "witness-mismatch" not in out, out


@pytest.mark.parametrize("as_pandas", [False, True])
def test_load_refuses_a_label_list_other_than_the_schemas(relabelled, as_pandas):
    with pytest.raises(ReleaseIntegrityError, match="manifest-labels-mismatch"):
        load("quotes", version=relabelled, as_pandas=as_pandas)


def test_the_committed_releases_state_their_schemas_label_lists(capsys):
    assert main(["verify"]) == 0, capsys.readouterr().out
