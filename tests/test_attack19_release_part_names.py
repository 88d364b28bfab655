"""A release's table folders hold only parts every reader reads alike (attack19; closes
attack18's `_x.parquet` left open for releases).

The forgeries: quotes split into `quotes.parquet` (50 rows) and a second listed part, with the
manifest and croissant.json restated over both. With the part named `.rest.parquet` verify said
ok, `landstrikes.load` returned 103 quotes, pandas 50, and `load_dataset` refused its split.
With 10 quotes in a listed `data/quotes/more` (no extension: croissant.json need not state it),
verify said ok, `load` returned 103 quotes and `pandas.read_parquet` 113.
"""

from __future__ import annotations

import hashlib
import json

import pyarrow.parquet as pq
import pytest

import landstrikes
from conftest import list_in_manifest
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


@pytest.mark.parametrize("rel", ["data/quotes/more", "data/quotes/sub/more", "data/quotes/notes.txt"])
def test_a_listed_file_pandas_reads_beside_the_parts_is_refused(release_copy, tmp_path, rel):
    rows = tmp_path / "rows.parquet"
    pq.write_table(pq.read_table(release_copy / "data" / "quotes" / "quotes.parquet").slice(0, 10), rows)
    list_in_manifest(release_copy, rel, rows.read_bytes() if not rel.endswith(".txt") else b"notes\n")
    assert ("unexpected-file", rel) in {(p.check, p.path) for p in verify(release_copy)}
