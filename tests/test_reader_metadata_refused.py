"""A table file carries no schema entry that tells a reader how to reshape it (eco39's left item).

`pandas.read_parquet` obeys a `pandas` entry (attack19) and Hugging Face `datasets` reads a
`huggingface` entry as the features to cast the columns to. landstrikes writes neither, so either
one in a dataset or a release means a reader may get another table than the one validated:
`unexpected-metadata`, from validate and from verify alike."""

from __future__ import annotations

import json

import pyarrow.parquet as pq

from landstrikes.releases.manifest import verify
from landstrikes.schema.validate import validate
from test_attack19_release_pandas_metadata import QUOTES, _rehashed


def _features_entry(path) -> None:
    """The file's own features, with one float column declared as an integer (a cast that would truncate)."""
    import datasets

    table = pq.read_table(path)
    features = datasets.Features.from_arrow_schema(table.schema).to_dict()
    features["cluster_similarity"] = {"dtype": "int32", "_type": "Value"}
    entry = json.dumps({"info": {"features": features}}).encode()
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), b"huggingface": entry}), path)


def test_a_features_entry_in_a_dataset_table_is_unexpected_metadata(dataset_copy):
    _features_entry(next((dataset_copy / "data" / "quotes").glob("*.parquet")))
    report = validate(dataset_copy)
    assert [(f.table, f.check, f.value) for f in report.findings] == [("quotes", "unexpected-metadata", "huggingface")], \
        report.to_text()


def test_a_features_entry_in_a_release_file_is_refused_by_verify(release_copy):
    _features_entry(release_copy / QUOTES)
    _rehashed(release_copy, QUOTES)
    assert [(p.check, p.path) for p in verify(release_copy)] == [("unexpected-metadata", QUOTES)]

