"""attack16: a release's labelled column holding a value outside the label list its manifest states.

`verify` compared the manifest's label lists with the registry, croissant.json and the card, never
with the values in the files: a quotes file rewritten with `kind = 'bogus'` in one row, its digest
restated in the manifest and croissant.json (a forgery consistent inside the release, or a tool
that wrote a release by hand), verified `ok`; `load('quotes')` then failed inside `datasets` with
`ValueError: Invalid string class label bogus` (no file, row or column, not a documented
exception) and `load(..., as_pandas=True)` returned the value. Now `verify` reports
`[label-value-unlisted] data/quotes/quotes.parquet: row R, column kind: ...` (exit 1) and `load`
raises ReleaseIntegrityError with it, for `datasets` and pandas alike."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from test_attack13_verify_statistics import rehash

QUOTES = "data/quotes/quotes.parquet"


def _set_cell(path, column: str, row: int, value) -> None:
    table = pq.read_table(path)
    values = table.column(column).to_pylist()
    values[row] = value
    index = table.schema.get_field_index(column)
    pq.write_table(table.set_column(index, table.schema.field(column), pa.array(values, table.schema.field(column).type)), path)


@pytest.fixture
def forged(release_copy):
    _set_cell(release_copy / QUOTES, "kind", 5, "bogus")
    rehash(release_copy, QUOTES)
    return release_copy


def test_verify_reports_a_label_value_the_manifest_does_not_list(forged, capsys):
    assert main(["verify", str(forged)]) == 1
    out = capsys.readouterr().out
    assert f"[label-value-unlisted] {QUOTES}: row 5, column kind: 'bogus'" in out, out
    assert "sha256-mismatch" not in out and "witness-mismatch" not in out, out  # otherwise a whole forgery


@pytest.mark.parametrize("as_pandas", [False, True])
def test_load_refuses_it_with_the_documented_exception(forged, as_pandas):
    with pytest.raises(ReleaseIntegrityError, match="label-value-unlisted"):
        load("quotes", version=forged, as_pandas=as_pandas)


def test_a_null_is_no_label_and_the_first_unlisted_row_is_named():
    """Only values are judged (a null is the nullability checks'); the finding names the first row."""
    from landstrikes.releases.label_values import unlisted_label

    table = pa.table({"kind": pa.array(["direct", None, "partial"])})
    assert unlisted_label("x.parquet", table, [{"name": "kind", "labels": ["direct", "partial"]}]) is None
    found = unlisted_label("x.parquet", table, [{"name": "kind", "labels": ["direct"]}])
    assert found is not None and "row 2, column kind: 'partial'" in found.message


def _add_label(release, label: str) -> None:
    """A forger's (or a hand-written release's) extra `quotes.kind` label, stated alike in the
    manifest, the card's class_label names and croissant.json's label record set."""
    import hashlib
    import json

    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    for column in manifest["tables"]["quotes"]["columns"]:
        if column["name"] == "kind":
            column["labels"].append(label)
    card = (release / "README.md").read_text(encoding="utf-8")
    assert "          '4': orphan\n" in card
    (release / "README.md").write_text(card.replace("          '4': orphan\n", f"          '4': orphan\n          '5': {json.dumps(label)}\n", 1),
                                       encoding="utf-8")
    croissant = json.loads((release / "croissant.json").read_text(encoding="utf-8"))
    for record_set in croissant["recordSet"]:
        if record_set.get("@id") == "labels-quotes-kind":
            record_set["data"].append({"labels-quotes-kind/label": label})
    (release / "croissant.json").write_text(json.dumps(croissant, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("README.md", "croissant.json"):
        path = release / name
        manifest["files"][name].update(sha256=hashlib.sha256(path.read_bytes()).hexdigest(), bytes=path.stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.mark.parametrize("label", ["direct", "", " "])
def test_a_label_list_repeating_a_label_or_holding_a_blank_one_is_malformed(release_copy, capsys, label):
    """`ClassLabel` refuses repeated names: verify said ok and `load` raised `ValueError: Some label
    names are duplicated` from inside datasets; a blank label is no label the schema can hold."""
    _add_label(release_copy, label)
    _refused_as_malformed(release_copy, capsys, "labels")


@pytest.mark.parametrize("column, arrow_type", [("text", "large_string"), ("start", "int32")])
def test_a_column_type_outside_the_schemas_types_is_malformed(release_copy, capsys, column, arrow_type):
    """A file retyped (large_string, int32) and the manifest restated to match verified ok: types were
    compared with the files only, and `load` then raised `ValueError: unknown column type` naming no
    file. A release holds only the schema's logical types (string, int, float, bool, string_list)."""
    import json

    from landstrikes.releases.manifest import logical_type

    path = release_copy / QUOTES
    table = pq.read_table(path)
    index = table.schema.get_field_index(column)
    new_type = getattr(pa, arrow_type)()
    pq.write_table(table.set_column(index, pa.field(column, new_type, table.schema.field(index).nullable),
                                    table.column(index).cast(new_type)), path)
    manifest = json.loads((release_copy / "MANIFEST.json").read_text(encoding="utf-8"))
    for described in manifest["tables"]["quotes"]["columns"]:
        if described["name"] == column:
            described["type"] = logical_type(new_type)
    (release_copy / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rehash(release_copy, QUOTES)
    _refused_as_malformed(release_copy, capsys, "type")


def _refused_as_malformed(release, capsys, field: str) -> None:
    """verify says malformed-manifest at the quotes column's `field`, exit 1; load refuses alike."""
    assert main(["verify", str(release)]) == 1
    out = capsys.readouterr().out
    assert "[malformed-manifest] MANIFEST.json#tables.quotes.columns[" in out and f"].{field}" in out, out
    with pytest.raises(ReleaseIntegrityError, match="malformed-manifest"):
        load("quotes", version=release)
