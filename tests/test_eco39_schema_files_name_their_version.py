"""The exported YAML schemas and `landstrikes.schema.pandera_schema` name the schema version they
describe (eco39). README offers them to teams that validate a frame without this package; each
file said which frame it describes and that the Arrow-level and cross-table checks are validate's,
but not which schema version its rules are: a team pinned to an older release could not tell
whether the file it fetched described its tables. A frame carries no version stamp, so the file
must say what the team checks against."""

from __future__ import annotations

import pytest

from landstrikes.schema import pandera_schema
from landstrikes.schema.export import EXPORT_DIR
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_each_exported_file_names_its_schema_version_in_its_header(spec):
    text = (EXPORT_DIR / f"{spec.name}.schema.yaml").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any(f"schema version {SCHEMA_VERSION}" in line for line in header), header
    assert any("schema_version" in line for line in header), header  # where a table states its own


def test_the_pandera_schema_names_its_schema_version():
    assert pandera_schema("quotes").metadata == {"landstrikes": {"schema_version": SCHEMA_VERSION}}
