"""A release's table parts carry names every reader reads (attack19; closes attack18's `_x.parquet`
left open for releases).

The forgery: quotes split into `quotes.parquet` (50 rows) and a second listed part, with the
manifest and croissant.json restated over both. With the part named `.rest.parquet` verify said
ok, `landstrikes.load` returned 103 quotes, pandas 50, and `load_dataset` refused its split.
"""

from __future__ import annotations

import hashlib
import json

import pyarrow.parquet as pq
import pytest

import landstrikes
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.manifest import verify


def _split_quotes(release, name: str) -> None:
    whole_path = release / "data" / "quotes" / "quotes.parquet"
    whole = pq.read_table(whole_path)
    pq.write_table(whole.slice(0, 50), whole_path)
    pq.write_table(whole.slice(50), whole_path.parent / name)
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    croissant["distribution"].append({"@type": "cr:FileObject", "@id": "quotes-rest", "name": name,
                                      "contentUrl": f"data/quotes/{name}", "encodingFormat": "application/x-parquet"})
    for obj in croissant["distribution"]:
        if obj.get("contentUrl", "").startswith("data/quotes/"):
            obj["sha256"] = hashlib.sha256((release / obj["contentUrl"]).read_bytes()).hexdigest()
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2), encoding="utf-8")
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    for rel in ("data/quotes/quotes.parquet", f"data/quotes/{name}", "croissant.json"):
        data = (release / rel).read_bytes()
        manifest["files"][rel] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    manifest["files"] = dict(sorted(manifest["files"].items()))
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


@pytest.mark.parametrize("name", [".rest.parquet", "_rest.parquet"])
def test_a_listed_part_a_reader_skips_is_refused(release_copy, name):
    _split_quotes(release_copy, name)
    assert [(p.check, p.path) for p in verify(release_copy)] == [("unexpected-file", f"data/quotes/{name}")]
    with pytest.raises(ReleaseIntegrityError, match="unexpected-file"):
        landstrikes.load("quotes", version=release_copy)


def test_a_second_part_every_reader_reads_still_verifies(release_copy):
    _split_quotes(release_copy, "quotes-rest.parquet")
    assert verify(release_copy) == []
    assert landstrikes.load("quotes", version=release_copy).num_rows == 103
