"""One column definition drives the Pandera schema, the Arrow schema and the HF features.

Keeping the three in one place is what stops them drifting apart (STYLE rule 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandera.pandas as pa
import pyarrow
from pandera.dtypes import immutable
from pandera.engines import pandas_engine

from landstrikes.schema.labels import SOURCES


@pandas_engine.Engine.register_dtype
@immutable(init=True)
class WholeColumnString(pandas_engine.STRING):
    """pandas' `str` dtype, checked as Pandera checks it, answered for the whole column when it holds.

    Pandera's STRING answers a matching dtype with one True per row, and then builds and prints
    (DataFrame repr) an empty failure-case table for every string column: two thirds of the
    schema checks' CPU on the gold tables. A column that fails still gets Pandera's row-level
    answer, so findings do not change (tests/test_build_speed.py).
    """

    def check(self, pandera_dtype, data_container=None):
        result = super().check(pandera_dtype, data_container)
        if isinstance(result, np.ndarray) and result.dtype == bool and result.all():
            return True
        return result


# Logical types: name -> (pandas dtype that `read_table` yields, Arrow type, HF feature dtype).
_TYPES = {
    "string": (WholeColumnString(), pyarrow.string(), "string"),
    "int": ("Int64", pyarrow.int64(), "int64"),
    "float": ("float64", pyarrow.float64(), "float64"),
    "bool": ("boolean", pyarrow.bool_(), "bool"),
    "string_list": (object, pyarrow.list_(pyarrow.string()), None),
}


@dataclass(frozen=True)
class Col:
    """A column of a corpus table: its type, nullability, label set and meaning."""

    name: str
    type: str
    description: str
    nullable: bool = False
    labels: tuple[str, ...] | None = None
    checks: tuple[pa.Check, ...] = ()
    unique: bool = False

    def __post_init__(self) -> None:
        if self.type not in _TYPES:
            raise ValueError(f"unknown column type {self.type!r} for {self.name}")

    @property
    def pandas_dtype(self):
        return _TYPES[self.type][0]

    @property
    def arrow_type(self) -> pyarrow.DataType:
        return _TYPES[self.type][1]

    def pandera_column(self) -> pa.Column:
        checks = list(self.checks)
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

    def pandera_schema(self) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(
            {c.name: c.pandera_column() for c in self.columns},
            strict=True,
            ordered=True,
            name=self.name,
            description=self.row_meaning,
        )

    def arrow_schema(self) -> pyarrow.Schema:
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
    return Col(name, "string", description, unique=True, checks=(pa.Check.str_length(min_value=1),))


def offset(name: str, description: str, nullable: bool = False) -> Col:
    return Col(name, "int", description, nullable=nullable, checks=(pa.Check.ge(0),))


PROVENANCE = (
    Col("source", "string", "Who made the row: gold (human annotation) or auto (`landstrikes extract`).", labels=SOURCES),
    Col(
        "confidence",
        "float",
        "Extractor's confidence in the row, 0..1; null for gold rows.",
        nullable=True,
        checks=(pa.Check.in_range(0.0, 1.0),),
    ),
)
"""The last two columns of every table, so gold and silver rows share one schema and can be concatenated."""
