"""G5: free text (names, descriptions, notes, propositions, reasons, aliases) is trimmed. The
census found a trailing space or a changed edge on such a value VALID; whitespace at either end
is now `untrimmed-text`, naming table, row id and column. Blank values stay `empty-string`'s,
span texts are the article's own words and are judged against it, not here."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from arrowbreak import read, set_values
from landstrikes.schema import validate
from landstrikes.schema.arrowchecks import untrimmed_values

FREE_TEXT = [
    ("entities", "name", "entity_id"),
    ("entities", "description", "entity_id"),
    ("entities", "flag_note", "entity_id"),
    ("stance_targets", "description", "target_id"),
    ("claim_clusters", "proposition", "cluster_id"),
    ("claim_clusters", "record_note", "cluster_id"),
    ("quality_flags", "note", "flag_id"),
    ("mention_exclusions", "reason", "exclusion_id"),
]


def untrimmed(folder) -> list[tuple[str, str, str]]:
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == "untrimmed-text"]


def first_filled_row(folder, table: str, column: str) -> int:
    values = read(folder, table).column(column).to_pylist()
    return next(n for n, v in enumerate(values) if v)


def test_the_gold_has_no_untrimmed_text(built_dataset):
    assert untrimmed(built_dataset) == []


@pytest.mark.parametrize("edge", ["{} ", " {}", "{}\n", "\u00a0{}", "{}\u3000"])
def test_whitespace_at_either_end_of_free_text_is_a_finding(dataset_copy, edge):
    """Every free-text column broken at once (one validate per kind of edge): one finding each."""
    wanted = []
    for table, column, id_column in FREE_TEXT:
        row = first_filled_row(dataset_copy, table, column)
        value = read(dataset_copy, table).column(column)[row].as_py()
        set_values(dataset_copy, table, column, {row: edge.format(value)})
        wanted.append((table, read(dataset_copy, table).column(id_column)[row].as_py(), column))
    assert sorted(untrimmed(dataset_copy)) == sorted(wanted)


def test_an_alias_with_a_trailing_space_is_a_finding(dataset_copy):
    aliases = read(dataset_copy, "entities").column("aliases").to_pylist()
    row = next(n for n, v in enumerate(aliases) if v)
    set_values(dataset_copy, "entities", "aliases", {row: [aliases[row][0] + " "] + aliases[row][1:]})
    entity = read(dataset_copy, "entities").column("entity_id")[row].as_py()
    assert ("entities", entity, "aliases") in untrimmed(dataset_copy)


def test_a_blank_value_is_empty_string_not_untrimmed(dataset_copy):
    set_values(dataset_copy, "entities", "description", {0: " \u00a0 "})
    findings = validate(dataset_copy).findings
    assert "untrimmed-text" not in {f.check for f in findings}
    assert ("entities", "description") in {(f.table, f.column) for f in findings if f.check == "empty-string"}


def test_untrimmed_values_equals_python_strip_on_every_edge_character():
    """The byte prefilter asks only values whose first or last byte may be whitespace; against
    str.strip on every whitespace character at each end, inside, and non-ASCII letters at the
    ends (which the prefilter asks and the kernel clears)."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    values = ["México", "ó", "a b", "x", None, "", "é\u2003é"]
    for space in spaces:
        values += [space + "a", "a" + space, "a" + space + "b", space + "ó" + space]
    array = pa.chunked_array([pa.array(values[:7]), pa.array(values[7:])])
    wanted = [n for n, v in enumerate(values) if v and v.strip() and v != v.strip()]
    assert untrimmed_values(array).tolist() == wanted
    assert untrimmed_values(pa.array(values).slice(7)).tolist() == (np.array(wanted) - 7).tolist()
