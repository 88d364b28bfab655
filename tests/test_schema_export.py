"""The YAML export of the Pandera schemas under schema/ stays in sync with the code."""

import pytest

from landstrikes.schema.export import EXPORT_DIR, schema_yaml
from landstrikes.schema.registry import TABLES


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_exported_yaml_is_current(spec):
    path = EXPORT_DIR / f"{spec.name}.schema.yaml"
    assert path.read_text(encoding="utf-8") == schema_yaml(spec), "run: landstrikes export-schemas"
