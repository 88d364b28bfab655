"""A release's Parquet file carries no `pandas` schema entry (attack19).

validate refuses one in a dataset (`unexpected-metadata`): `pandas.read_parquet` obeys it. verify
did not look: quotes rewritten with an entry making quote_id the index, re-hashed in MANIFEST.json
and croissant.json, verified ok, and README's pandas recipe got quotes without a quote_id column.
"""

from __future__ import annotations

import hashlib
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import landstrikes
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.manifest import verify

QUOTES = "data/quotes/quotes.parquet"


def _hide_quote_id_for_pandas(release) -> None:
    path = release / QUOTES
    table = pq.read_table(path)
    entry = pa.Table.from_pandas(table.to_pandas().set_index("quote_id")).schema.metadata[b"pandas"]
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), b"pandas": entry}), path)
    _rehashed(release, QUOTES)


def _rehashed(release, rel) -> None:
    """croissant.json and MANIFEST.json re-hashed over the changed file `rel`: a consistent forgery."""
    path = release / rel
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    for obj in croissant["distribution"]:
        if obj.get("contentUrl") == rel:
            obj["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2), encoding="utf-8")
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    for name in (rel, "croissant.json"):
        data = (release / name).read_bytes()
        manifest["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def test_a_pandas_entry_in_a_release_file_is_refused(release_copy):
    _hide_quote_id_for_pandas(release_copy)
    assert "quote_id" not in pq.read_table(release_copy / QUOTES).to_pandas().columns  # what pandas users got
    assert [(p.check, p.path) for p in verify(release_copy)] == [("unexpected-metadata", QUOTES)]
    with pytest.raises(ReleaseIntegrityError, match="unexpected-metadata"):
        landstrikes.load("quotes", version=release_copy)
