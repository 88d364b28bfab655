"""A release's witnesses must witness (attack14). croissant.json states each Parquet file's sha256
and the card each table's rows, so a table swapped and re-hashed in MANIFEST.json alone fails
verify (`witness-mismatch`). But a witness verify could not read witnessed nothing and verify said
ok: a stance label flipped and re-hashed, with croissant.json replaced by a truncated document, by
`{}` or by one that lists no table, re-hashed too; a stance row dropped with the card's YAML header
garbled. Each seen passing verify on main's code."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from conftest import DATASET, rehash_in_manifest as _rehash
from hostile_tools import flip_stance_rehashed
from landstrikes.releases.manifest import verify


@pytest.fixture
def release(release_copy):
    return release_copy


def _croissant_without_stances(text: str) -> str:
    document = json.loads(text)
    document["distribution"] = [d for d in document["distribution"] if "stances" not in str(d.get("contentUrl"))]
    return json.dumps(document)


@pytest.mark.parametrize("croissant", [
    lambda text, digest: '{"truncated": ',
    lambda text, digest: "{}",
    lambda text, digest: "[]",
    lambda text, digest: _croissant_without_stances(text),
    lambda text, digest: _two_digests(text, digest),
], ids=["truncated", "empty-object", "a-list", "stances-unlisted", "duplicate-key"])
def test_a_croissant_that_witnesses_nothing_fails_verify(release, croissant):
    manifest = flip_stance_rehashed(release)
    path = release / "croissant.json"
    digest = manifest["files"]["data/stances/stances.parquet"]["sha256"]
    path.write_text(croissant(path.read_text(encoding="utf-8"), digest), encoding="utf-8")
    _rehash(release, manifest, "croissant.json")
    problems = verify(release)
    assert [p.check for p in problems] and {p.check for p in problems} == {"witness-mismatch"}, problems


def test_a_card_without_row_counts_fails_verify(release):
    path = release / "data" / "stances" / "stances.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(1), path)
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    manifest["tables"]["stances"]["rows"] -= 1
    manifest["files"]["data/stances/stances.parquet"]["rows"] -= 1
    _rehash(release, manifest, "data/stances/stances.parquet")
    croissant = release / "croissant.json"
    croissant.write_text(_restated(croissant.read_text(encoding="utf-8"), "data/stances/stances.parquet",
                                   manifest["files"]["data/stances/stances.parquet"]["sha256"]), encoding="utf-8")
    _rehash(release, manifest, "croissant.json")
    card = release / "README.md"
    card.write_text("--\n" + card.read_text(encoding="utf-8")[3:], encoding="utf-8")  # the YAML header is gone
    _rehash(release, manifest, "README.md")
    problems = verify(release)
    assert sorted((p.check, p.path) for p in problems) == sorted(
        ("witness-mismatch", "README.md#" + name) for name, table in manifest["tables"].items() if table["rows"]), problems


def _two_digests(text: str, digest: str) -> str:
    """The stances file's old digest, then the forged one under the same key: json.loads keeps the
    last (which agrees with the re-hashed manifest), a reader keeping the first sees the old."""
    document = json.loads(text)
    obj = next(o for o in document["distribution"] if "stances" in str(o.get("contentUrl")))
    old = json.dumps(obj["sha256"])
    return json.dumps(document).replace(f'"sha256": {old}', f'"sha256": {old}, "sha256": {json.dumps(digest)}', 1)


def _restated(text: str, url: str, digest: str) -> str:
    document = json.loads(text)
    for obj in document["distribution"]:
        if obj.get("contentUrl") == url:
            obj["sha256"] = digest
    return json.dumps(document)


def test_attack_held_the_committed_releases_verify():
    """Every committed release states every Parquet file in croissant.json and every non-empty
    table's rows in its card (the checks were seen failing with the zero-row exemption removed)."""
    for folder in sorted((DATASET / "releases").iterdir()):
        assert verify(folder) == [], folder
