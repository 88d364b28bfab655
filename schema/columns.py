"""One column definition drives the Pandera schema, the Arrow schema and the HF features.

Keeping the three in one place is what stops them drifting apart (STYLE rule 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from landstrikes.schema.labels import SOURCES

if TYPE_CHECKING:
    import pyarrow

# Logical types: name -> (pandas dtype that `read_table` yields, Arrow type name, HF feature dtype).
# The Arrow types are named, not built, so importing the models (as `--version` does) costs no
# pyarrow import; `arrow_type` builds them.
_TYPES = {
    "string": ("str", "string", "string"),
    "int": ("Int64", "int64", "int64"),
    "float": ("float64", "float64", "float64"),
    "bool": ("boolean", "bool_", "bool"),
    "string_list": (object, "list_of_string", None),
}


def _arrow_type(name: str) -> pyarrow.DataType:
    import pyarrow

    return pyarrow.list_(pyarrow.string()) if name == "list_of_string" else getattr(pyarrow, name)()


@dataclass(frozen=True)
class Rule:
    """A Pandera built-in check (its name and parameters), made a `pandera.Check` only when a
    Pandera schema is built: importing the models, as every command does, then costs no
    pandera import. `name` and `statistics` read as Pandera's own check attributes."""

    name: str
    parameters: tuple[tuple[str, object], ...]
    ignore_na: bool = True

    @property
    def statistics(self) -> dict[str, object]:
        return dict(self.parameters)

    def pandera(self):
        import pandera.pandas as pa

        factory = {
            "greater_than_or_equal_to": lambda s: pa.Check.ge(s["min_value"]),
            "greater_than": lambda s: pa.Check.gt(s["min_value"]),
            "in_range": lambda s: pa.Check.in_range(s["min_value"], s["max_value"], s["include_min"], s["include_max"]),
            "str_length": lambda s: pa.Check.str_length(min_value=s["min_value"], max_value=s["max_value"]),
            "str_matches": lambda s: pa.Check.str_matches(s["pattern"]),
        }[self.name]
        return factory(self.statistics)


def ge(value) -> Rule:
    return Rule("greater_than_or_equal_to", (("min_value", value),))


def gt(value) -> Rule:
    return Rule("greater_than", (("min_value", value),))


def in_range(low, high) -> Rule:
    """low <= value <= high."""
    return Rule("in_range", (("min_value", low), ("max_value", high), ("include_min", True), ("include_max", True)))


def str_length(min_value: int) -> Rule:
    return Rule("str_length", (("min_value", min_value), ("max_value", None), ("exact_value", None)))


def str_matches(pattern: str) -> Rule:
    return Rule("str_matches", (("pattern", pattern),))


@dataclass(frozen=True)
class Col:
    """A column of a corpus table: its type, nullability, label set and meaning."""

    name: str
    type: str
    description: str
    nullable: bool = False
    labels: tuple[str, ...] | None = None
    checks: tuple[Rule, ...] = ()
    unique: bool = False
    free_text: bool = False
    """Words an annotator writes (a name, description, note, proposition, reason): trimmed, G5."""

    def __post_init__(self) -> None:
        if self.type not in _TYPES:
            raise ValueError(f"unknown column type {self.type!r} for {self.name}")

    @property
    def pandas_dtype(self):
        return _TYPES[self.type][0]

    @property
    def arrow_type(self) -> pyarrow.DataType:
        return _arrow_type(_TYPES[self.type][1])

    def pandera_column(self):
        import pandera.pandas as pa

        checks = [check.pandera() for check in self.checks]
        if self.labels is not None and self.type == "string":
            checks.append(pa.Check.isin(list(self.labels)))
        return pa.Column(
            self.pandas_dtype,
            checks=checks,
            nullable=self.nullable,
            unique=self.unique,
            description=self.description,
            title=self.name,
        )

    def hf_feature(self):
        from datasets import ClassLabel, List, Value

        if self.labels is not None and self.type == "string":
            return ClassLabel(names=list(self.labels))
        if self.type == "string_list":
            return List(Value("string"))
        return Value(_TYPES[self.type][2])


@dataclass(frozen=True)
class TableSpec:
    """A corpus table: name, id column, columns in order, what one row means."""

    name: str
    id_column: str
    row_meaning: str
    columns: tuple[Col, ...]
    span_columns: tuple[tuple[str, str, str], ...] = field(default=())
    """(start, end, text) column triples that must equal the article slice."""
    may_be_empty: bool = False
    """An empty table is an error unless the table is optional by nature (exclusions)."""

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)

    def pandera_schema(self):
        import pandera.pandas as pa

        from landstrikes.schema.registry import SCHEMA_VERSION

        return pa.DataFrameSchema(
            {c.name: c.pandera_column() for c in self.columns},
            strict=True,
            ordered=True,
            name=self.name,
            description=self.row_meaning,
            metadata={"landstrikes": {"schema_version": SCHEMA_VERSION}},  # what a team checks against (eco39)
        )

    def arrow_schema(self) -> pyarrow.Schema:
        import pyarrow

        return pyarrow.schema(
            [pyarrow.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns]
        )

    def hf_features(self):
        from datasets import Features

        return Features({c.name: c.hf_feature() for c in self.columns})

    @property
    def label_columns(self) -> dict[str, tuple[str, ...]]:
        return {c.name: c.labels for c in self.columns if c.labels is not None}


def ident(name: str, description: str) -> Col:
    """An id column: a non-empty unique string."""
    return Col(name, "string", description, unique=True, checks=(str_length(1),))


def offset(name: str, description: str, nullable: bool = False) -> Col:
    return Col(name, "int", description, nullable=nullable, checks=(ge(0),))


PROVENANCE = (
    Col("source", "string", "Who made the row: gold (human annotation) or auto (`landstrikes extract`).", labels=SOURCES),
    Col(
        "confidence",
        "float",
        "Extractor's confidence in the row, 0..1; null for gold rows.",
        nullable=True,
        checks=(in_range(0.0, 1.0),),
    ),
)
"""The last two columns of every table, so gold and silver rows share one schema and can be concatenated."""
