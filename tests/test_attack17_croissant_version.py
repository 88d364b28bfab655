"""attack17: croissant.json's version and publication date are the manifest's.

mlcroissant and the Hub's Croissant endpoint read which release a folder is from croissant.json's
`version` and `datePublished`. verify compared croissant's file digests, label sets and record sets
with the manifest, never these: a 2.1.0 whose croissant.json said version 2.0.0, published
1999-01-01 (re-hashed in MANIFEST.json), verified `ok`. Now each is a `witness-mismatch`."""

from __future__ import annotations

import hashlib
import json

import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError


def _restate_croissant(release, key: str, value) -> None:
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    if value is None:
        del croissant[key]
    else:
        croissant[key] = value
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    data = (release / "croissant.json").read_bytes()
    manifest["files"]["croissant.json"].update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("key, value", [("version", "2.0.0"), ("version", "2.1.0 "), ("version", None),
                                        ("datePublished", "1999-01-01"), ("datePublished", None)])
def test_croissant_stating_another_version_or_date_is_a_witness_mismatch(release_copy, capsys, key, value):
    _restate_croissant(release_copy, key, value)
    assert main(["verify", str(release_copy)]) == 1
    out = capsys.readouterr().out
    assert f"[witness-mismatch] croissant.json#{key}" in out, out
    with pytest.raises(ReleaseIntegrityError, match="witness-mismatch"):
        load("articles", version=release_copy)
