"""An exported `schema/<table>.schema.yaml` says how to read the frame it describes (attack33): a
team that loads it with Pandera (`DataFrameSchema.from_yaml`) and reads a table as README's
pandas example does (`pd.read_parquet`) had every sound release fail: nullable offsets arrive as
float64 (the YAML says Int64: quotes' speaker and cue offsets) and a non-null boolean as numpy bool
(claim_clusters.contradicted: the YAML says boolean). The header names the reading whose dtypes
the schema states, and with that reading the newest release passes every exported schema."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
import pytest

import landstrikes
from conftest import DATASET
from landstrikes.schema.export import EXPORT_DIR
from landstrikes.schema.registry import TABLES

NEWEST = DATASET / "releases" / landstrikes.DATASET_VERSION


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_the_exported_schema_states_its_reading_and_the_newest_release_passes_it(spec):
    text = (EXPORT_DIR / f"{spec.name}.schema.yaml").read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    found = re.search(r'dtype_backend="([a-z_]+)"', header)
    assert found, "the header names no pandas reading"
    assert "landstrikes.load" in header and "landstrikes validate" in header
    schema = pa.DataFrameSchema.from_yaml(text)
    schema.validate(pd.read_parquet(NEWEST / "data" / spec.name, dtype_backend=found.group(1)), lazy=True)
