"""G7 holds an alias to the spacing rule, never to a normal form (an alias copies how the articles
write a name, M2). `build` refused an alias with a no-break space or two spaces in a row in
`entities.yaml`, but `validate` of the tables left the aliases column out of G7 altogether, so the
same alias in a table validated (review61 on nfc58). The extractor's aliases, copies of the raw
text's words on `source=auto` rows, keep whatever spacing the text has.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema.validate import validate as validate_folder

SPOILED = {
    "no-break space": lambda alias: alias + "\u00a0Jr",
    "two spaces": lambda alias: alias + "  Jr",
    "narrow no-break space": lambda alias: alias + "\u202fJr",
}


def _spoil_first_alias(folder, spoil, source=None) -> str:
    path = folder / "data" / "entities" / "entities.parquet"
    rows = pq.read_table(path)
    table = rows.to_pylist()
    table[0]["aliases"] = [*table[0]["aliases"], spoil(table[0]["aliases"][0])]
    if source is not None:
        table[0]["source"], table[0]["confidence"] = source, 0.5
    pq.write_table(pa.Table.from_pylist(table, schema=rows.schema), path)
    return table[0]["entity_id"]


@pytest.mark.parametrize("how", list(SPOILED))
def test_validate_finds_an_alias_that_breaks_g7s_spacing(dataset_copy, how):
    entity = _spoil_first_alias(dataset_copy, SPOILED[how])
    found = [f for f in validate_folder(dataset_copy).findings if f.check.startswith("free-text")]
    assert [(f.check, f.table, f.column, f.row_id) for f in found] == [("free-text-whitespace", "entities", "aliases", entity)]


def test_an_alias_in_another_normal_form_is_no_g7_finding(dataset_copy):
    _spoil_first_alias(dataset_copy, lambda alias: alias + " Nicola\u0301s")
    assert not [f for f in validate_folder(dataset_copy).findings if f.check.startswith("free-text")]


def test_an_extractor_alias_keeps_the_texts_spacing(dataset_copy):
    _spoil_first_alias(dataset_copy, SPOILED["no-break space"], source="auto")
    assert not [f for f in validate_folder(dataset_copy).findings if f.check.startswith("free-text")]
