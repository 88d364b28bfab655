"""landstrikes.schema: the Pandera models and cross-table checks of the corpus.

Downstream CI: `from landstrikes.schema import validate; assert validate("path").ok`.

The names below are loaded on first use (PEP 562): a process that needs only a light module of
this package (`landstrikes extract` reads the table specs in `registry` and writes with
`tableio`) does not pay for importing pandas and the validation machinery it never runs.
"""

from __future__ import annotations

import importlib
import sys
import types

_HOME = {
    "ARTICLES": "articles", "CLAIMS": "claims", "ENTITIES": "entities", "MENTION_EXCLUSIONS": "exclusions",
    "MENTIONS": "mentions", "QUALITY_FLAG_ROWS": "quality", "QUOTES": "quotes", "SEGMENTS": "segments",
    "STANCES": "stances", "STANCE_TARGETS": "stances", "SCHEMA_VERSION": "registry", "TABLES": "registry",
    "TABLES_BY_NAME": "registry", "Finding": "report", "Report": "report",
}
"""Exported name -> the module of this package that defines it."""


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def pandera_schema(table: str):
    """The Pandera DataFrameSchema of one table, e.g. pandera_schema("quotes")."""
    from landstrikes.schema.registry import TABLES_BY_NAME

    return TABLES_BY_NAME[table].pandera_schema()


class _Package(types.ModuleType):
    """`landstrikes.schema.validate` stays the function, as it was when this package imported it
    eagerly, even after its submodule of the same name is imported (the import system then sets
    the package attribute to the submodule: the setter keeps the function instead)."""

    @property
    def validate(self):
        if "_validate_set" in self.__dict__:  # an assignment (a test's monkeypatch) wins
            return self.__dict__["_validate_set"]
        from landstrikes.schema.validate import validate

        return validate

    @validate.setter
    def validate(self, value) -> None:
        if not isinstance(value, types.ModuleType):  # the import system assigns the submodule: ignored
            self.__dict__["_validate_set"] = value

    @validate.deleter
    def validate(self) -> None:
        self.__dict__.pop("_validate_set", None)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "ARTICLES", "CLAIMS", "ENTITIES", "MENTIONS", "MENTION_EXCLUSIONS", "QUALITY_FLAG_ROWS",
    "QUOTES", "SEGMENTS", "STANCES", "STANCE_TARGETS", "SCHEMA_VERSION", "TABLES",
    "TABLES_BY_NAME", "Finding", "Report", "pandera_schema", "validate",
]
