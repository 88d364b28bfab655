"""validate decides Pandera's column rules on Arrow first and runs Pandera only on a table that
breaks one (schema/arrowrules.py): the gate never passes a table Pandera would fail, valid
tables skip Pandera, and the findings are the same as when Pandera checks every table."""

from __future__ import annotations

import importlib

import pyarrow as pa
import pytest

from arrowbreak import read, set_values, write
from landstrikes.schema import validate
from landstrikes.schema.arrowrules import keeps_pandera_rules
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME

validate_module = importlib.import_module("landstrikes.schema.validate")


def gate(folder, table: str) -> bool:
    spec = TABLES_BY_NAME[table]
    return keeps_pandera_rules(spec, read(folder, table).replace_schema_metadata(None))


def findings(report) -> list[tuple]:
    return [(f.table, f.check, f.row_id, f.column, f.value, f.message) for f in report.findings]


def test_every_valid_table_keeps_the_rules_and_pandera_is_not_run(dataset_copy, monkeypatch):
    assert all(gate(dataset_copy, spec.name) for spec in TABLES)
    monkeypatch.setattr(validate_module, "_pandera_findings", lambda *a: pytest.fail("Pandera ran on a valid table"))
    assert validate(dataset_copy).ok


def _moved_column(folder, table, column):
    arrow = read(folder, table)
    index = arrow.schema.get_field_index(column)
    field, values = arrow.schema.field(index), arrow.column(index)
    write(folder, table, arrow.remove_column(index).append_column(field, values))


BREAKS = {
    "label-outside-set": lambda f: set_values(f, "quotes", "kind", {0: "rumour"}),
    "label-outside-set-nullable": lambda f: set_values(f, "claims", "quantity_bound", {0: "roughly"}),
    "null-in-required-column": lambda f: set_values(f, "quotes", "article_id", {0: None}),
    "negative-offset": lambda f: set_values(f, "mentions", "start", {0: -4}),
    "duplicate-id": lambda f: set_values(f, "entities", "entity_id", {1: read(f, "entities").column("entity_id")[0].as_py()}),
    "empty-id": lambda f: set_values(f, "claims", "claim_id", {0: ""}),
    "bad-format": lambda f: set_values(f, "articles", "sha256", {0: "A" * 64}),
    "bad-format-trailing-newline": lambda f: set_values(f, "articles", "sha256", {0: "a" * 64 + "\n"}),
    "entity-id-format": lambda f: set_values(f, "entities", "entity_id", {0: "Not An Id"}),
    "confidence-out-of-range": lambda f: set_values(f, "quotes", "confidence", {0: 1.5}),
    "similarity-out-of-range": lambda f: set_values(f, "quotes", "cluster_similarity", {0: -0.1}),
    "n-chars-not-positive": lambda f: set_values(f, "articles", "n_chars", {0: 0}),
    "n-claims-below-one": lambda f: set_values(f, "claim_clusters", "n_claims", {0: 0}),
    "column-order": lambda f: _moved_column(f, "stances", "label"),
    "unexpected-column": lambda f: write(f, "stances", read(f, "stances").append_column("comment", pa.array(["x"] * read(f, "stances").num_rows))),
    "missing-column": lambda f: write(f, "segments", read(f, "segments").drop_columns(["kind"])),
    # several columns of one table (Pandera is given those columns alone, and the id column to name rows)
    "three-columns-of-quotes": lambda f: (set_values(f, "quotes", "kind", {0: "rumour"}),
                                          set_values(f, "quotes", "confidence", {1: 1.5}),
                                          set_values(f, "quotes", "article_id", {2: None})),
    "an-id-and-a-label": lambda f: (set_values(f, "claims", "claim_id", {0: ""}),
                                    set_values(f, "claims", "quantity_bound", {1: "roughly"})),
}
TABLE_OF = {
    "label-outside-set": "quotes", "label-outside-set-nullable": "claims", "null-in-required-column": "quotes",
    "negative-offset": "mentions", "duplicate-id": "entities", "empty-id": "claims", "bad-format": "articles",
    "bad-format-trailing-newline": "articles", "entity-id-format": "entities", "confidence-out-of-range": "quotes",
    "similarity-out-of-range": "quotes", "n-chars-not-positive": "articles", "n-claims-below-one": "claim_clusters",
    "column-order": "stances", "unexpected-column": "stances", "missing-column": "segments",
    "three-columns-of-quotes": "quotes", "an-id-and-a-label": "claims",
}
BROKEN_COLUMNS = {"three-columns-of-quotes": ["article_id", "kind", "confidence"], "an-id-and-a-label": ["claim_id", "quantity_bound"],
                  "n-chars-not-positive": ["n_chars"], "duplicate-id": ["entity_id"]}
"""Cases whose table keeps the schema's column list: Pandera checks the columns named, in the schema's order."""


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_table_breaking_a_pandera_rule_goes_to_pandera_and_findings_do_not_change(dataset_copy, monkeypatch, case):
    BREAKS[case](dataset_copy)
    assert not gate(dataset_copy, TABLE_OF[case])
    gated = findings(validate(dataset_copy))
    whole = []  # the reference: Pandera checks every table whole, as before the gate (and its column-by-column use)
    monkeypatch.setattr(validate_module, "columns_breaking_rules", lambda spec, table: whole.append(spec.name))
    assert gated == findings(validate(dataset_copy))
    assert len(whole) == len(TABLES)
    if case != "bad-format-trailing-newline":  # Pandera's str.match lets a final newline through; the gate does not
        assert gated, "the broken copy should have findings"


@pytest.mark.parametrize("case", sorted(BROKEN_COLUMNS))
def test_pandera_is_given_only_the_columns_that_break_a_rule(dataset_copy, monkeypatch, case):
    """A table holding the schema's columns in its order goes to Pandera with the columns the gate
    could not prove (and the id column, to name rows), not whole: each of Pandera's findings there
    is a column's own (the findings are the same: the test above). A table whose column list is
    not the schema's goes whole (column-order, unexpected-column, missing-column above)."""
    BREAKS[case](dataset_copy)
    table = TABLE_OF[case]
    spec = TABLES_BY_NAME[table]
    given = []
    pandera = validate_module._pandera_findings
    monkeypatch.setattr(validate_module, "_pandera_findings",
                        lambda spec, df, *a, **k: given.append((spec.name, list(df.columns), a)) or pandera(spec, df, *a, **k))
    report = validate(dataset_copy)
    assert [name for name, _, _ in given] == [table]
    _, frame_columns, (path, rows, schema) = given[0]
    assert list(schema.columns) == BROKEN_COLUMNS[case]
    assert frame_columns == [c for c in spec.column_names if c in BROKEN_COLUMNS[case] or c == spec.id_column]
    assert {f.column for f in report.findings if f.table == table} >= set(BROKEN_COLUMNS[case])
