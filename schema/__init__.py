"""landstrikes.schema: the Pandera models and cross-table checks of the corpus.

Downstream CI: `from landstrikes.schema import validate; assert validate("path").ok`.

Every name below is imported on first use, not with the package: importing any submodule
(`landstrikes.schema.registry` for `--version`) runs this file, and an eager
`from .validate import validate` here made every command pay for pandas and the cross checks.
`validate` stays the function for every importer, whichever of the package or its submodule
`landstrikes.schema.validate` is imported first (see `_Package`).
"""

from __future__ import annotations

import importlib
import sys
import types

_HOMES = {
    "ARTICLES": "articles",
    "CLAIMS": "claims",
    "ENTITIES": "entities",
    "MENTIONS": "mentions",
    "MENTION_EXCLUSIONS": "exclusions",
    "QUALITY_FLAG_ROWS": "quality",
    "QUOTES": "quotes",
    "SEGMENTS": "segments",
    "STANCES": "stances",
    "STANCE_TARGETS": "stances",
    "SCHEMA_VERSION": "registry",
    "TABLES": "registry",
    "TABLES_BY_NAME": "registry",
    "Finding": "report",
    "Report": "report",
    "validate": "validate",
}
"""Public name -> the submodule that defines it."""


def pandera_schema(table: str):
    """The Pandera DataFrameSchema of one table, e.g. pandera_schema("quotes")."""
    from landstrikes.schema.registry import TABLES_BY_NAME

    return TABLES_BY_NAME[table].pandera_schema()


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # once: later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


class _Package(types.ModuleType):
    """This package, with one rule: importing the submodule `landstrikes.schema.validate` must not
    rebind the package's `validate` (the function) to that module, as the import system otherwise
    does when a submodule is imported after its package. Any other assignment (a test's
    monkeypatch of `landstrikes.schema.validate`) goes through."""

    def __setattr__(self, name: str, value) -> None:
        if name == "validate" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "ARTICLES", "CLAIMS", "ENTITIES", "MENTIONS", "MENTION_EXCLUSIONS", "QUALITY_FLAG_ROWS",
    "QUOTES", "SEGMENTS", "STANCES", "STANCE_TARGETS", "SCHEMA_VERSION", "TABLES",
    "TABLES_BY_NAME", "Finding", "Report", "pandera_schema", "validate",
]
