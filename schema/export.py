"""Export each table's Pandera schema as YAML under schema/, for readers who do not use Python.

Pandera's YAML keeps registered checks only; the cross-table checks are listed in README.
"""

from __future__ import annotations

from pathlib import Path

from landstrikes.schema.registry import TABLES

EXPORT_DIR = Path(__file__).resolve().parent


def schema_yaml(spec) -> str:
    return spec.pandera_schema().to_yaml()


def export_schemas(folder: Path = EXPORT_DIR) -> list[Path]:
    """Write <table>.schema.yaml per table into folder; each file is replaced whole (temp + rename)."""
    written = []
    for spec in TABLES:
        path = folder / f"{spec.name}.schema.yaml"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(schema_yaml(spec), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
