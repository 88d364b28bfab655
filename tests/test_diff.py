"""`landstrikes diff OLD NEW`: per table, rows added / removed / changed by stable id (issue 7)."""

from __future__ import annotations

import json


import pytest

from landstrikes.cli import main
from landstrikes.releases.diff import DatasetDiff, RowChange, TableDiff, diff_columns, diff_folders, match_corrected_spans
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.tableio import read_arrow, read_table, write_table

OLD_ID = "001_f1f49e9dc8ada067:c:2756-2820"
NEW_ID = "001_f1f49e9dc8ada067:c:2756-2810"


def rewrite(folder, table, rows):
    """Write rows back with the table's real schema (so only the rows differ)."""
    path = folder / "data" / table / f"{table}.parquet"
    write_table(rows, TABLES_BY_NAME[table], path, {"table": table})


def test_one_corrected_span_shows_exactly_that_change(released):
    diff = diff_folders(released / "releases" / "1.0.0", released / "releases" / "1.0.1", "1.0.0", "1.0.1")
    assert [t.table for t in diff.changed_tables] == ["claims"]
    claims = diff.changed_tables[0]
    assert (claims.added, claims.removed, claims.schema_changed) == ([], [], False)
    assert claims.changed == [
        RowChange(
            NEW_ID,
            OLD_ID,
            {
                "claim_id": [OLD_ID, NEW_ID],
                "end": [2820, 2810],
                "text": [
                    "the US-Mexico-Canada Agreement (USMCA) up for revision this year",
                    "the US-Mexico-Canada Agreement (USMCA) up for revision",
                ],
            },
        )
    ]
    assert diff.required_bump() == ("patch", ["claims: 1 row corrected"])


def test_cli_diff_by_version_prints_the_change_and_writes_json(released, tmp_path, capsys):
    out = tmp_path / "diff.json"
    assert main(["diff", "1.0.0", "1.0.1", "--dataset", str(released), "--json", str(out)]) == 1
    text = capsys.readouterr().out
    n = len(read_table(released / "releases" / "1.0.0" / "data" / "claims"))
    assert f"~ {NEW_ID} (was {OLD_ID})" in text
    assert "end: 2820 -> 2810" in text and f"claims: {n} -> {n} rows; 0 added, 0 removed, 1 changed" in text
    assert "quotes: unchanged (103 rows)" in text and "required bump: patch" in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["required_bump"] == "patch"
    assert data["tables"]["claims"]["changed"][0]["columns"]["end"] == [2820, 2810]
    assert {n for n, t in data["tables"].items() if t["status"] != "same"} == {"claims"}


def test_cli_diff_accepts_paths_and_exits_0_when_nothing_changed(released, capsys):
    release = str(released / "releases" / "1.0.1")
    assert main(["diff", release, str(released)]) == 0  # the release vs the dataset it was cut from
    # diff compares tables only: it says a patch needs the documents changed, as `release` refuses otherwise
    assert ("required bump: patch (no table changed: a patch if the documents changed; "
            "release refuses one where nothing did)") in capsys.readouterr().out


def test_cli_diff_of_an_unknown_version_exits_2(released, capsys):
    assert main(["diff", "1.0.0", "9.9.9", "--dataset", str(released)]) == 2
    err = capsys.readouterr().err
    assert "no release 9.9.9" in err and "releases there: 1.0.0, 1.0.1" in err


def test_removed_added_and_edited_rows_are_reported_by_id(dataset_copy, built_dataset):
    rows = read_arrow(dataset_copy / "data" / "quotes").to_pylist()
    removed, edited = rows[0], dict(rows[1])
    edited["kind"] = "scare" if edited["kind"] != "scare" else "direct"
    added = dict(rows[2], quote_id="000_x:q:0-1", article_id="000_x", start=0, end=1)
    rewrite(dataset_copy, "quotes", [edited, added, *rows[2:]])
    diff = diff_folders(built_dataset, dataset_copy)
    quotes = next(t for t in diff.tables if t.table == "quotes")
    assert quotes.removed == [removed["quote_id"]] and quotes.added == ["000_x:q:0-1"]
    assert quotes.changed == [RowChange(edited["quote_id"], edited["quote_id"], {"kind": [rows[1]["kind"], edited["kind"]]})]
    level, reasons = diff.required_bump()
    assert level == "minor" and "quotes: 1 row removed" in reasons and "quotes: 1 row added" in reasons


def test_columns_added_removed_retyped_reordered_and_label_sets_are_schema_changes():
    def col(name, type_="string", nullable=False, labels=None):
        return {"name": name, "type": type_, "nullable": nullable, "labels": labels}

    result = TableDiff("t")
    diff_columns(
        result,
        [col("id"), col("a", "int"), col("b"), col("c", labels=["x", "y"]), col("d"), col("e")],
        [col("id"), col("a", "float"), col("c", labels=["x", "y", "z"]), col("e"), col("d"), col("f")],
    )
    assert result.columns_removed == ["b"] and result.columns_added == ["f"]
    assert result.columns_retyped == {"a": {"old": "int", "new": "float"}}
    assert result.labels_changed == {"c": {"old": ["x", "y"], "new": ["x", "y", "z"]}}
    assert result.column_order_changed


@pytest.mark.parametrize(
    "change, level",
    [
        ({"status": "removed"}, "major"),
        ({"columns_removed": ["b"]}, "major"),
        ({"columns_retyped": {"a": {}}}, "major"),
        ({"labels_changed": {"c": {}}}, "major"),
        ({"column_order_changed": True}, "major"),
        ({"status": "added"}, "minor"),
        ({"columns_added": ["f"]}, "minor"),
        ({"added": ["x"]}, "minor"),
        ({"removed": ["x"]}, "minor"),
        ({"changed": [RowChange("x", "x", {"kind": ["a", "b"]})]}, "patch"),
        ({}, "patch"),
    ],
)
def test_semver_rule_needs_this_bump_for_this_change(change, level):
    assert DatasetDiff("a", "b", [TableDiff("t", **change)]).required_bump()[0] == level


def test_a_span_correction_pairs_only_overlapping_spans_of_the_same_article():
    def row(article, start, end):
        return {"article_id": article, "start": start, "end": end}

    removed = {"a:q:0-10": row("a", 0, 10), "a:q:50-60": row("a", 50, 60), "b:q:0-10": row("b", 0, 10)}
    added = {"a:q:2-10": row("a", 2, 10), "a:q:0-3": row("a", 0, 3), "a:q:70-80": row("a", 70, 80), "c:q:0-10": row("c", 0, 10)}
    assert match_corrected_spans(removed, added) == [("a:q:0-10", "a:q:2-10")]


def test_every_table_is_compared(released):
    diff = diff_folders(released / "releases" / "1.0.0", released / "releases" / "1.0.1")
    assert [t.table for t in diff.tables] == [s.name for s in TABLES]


def _articles_with_share(folder, shares):
    rows = read_arrow(folder / "data" / "articles").to_pylist()
    for row, share in zip(rows, shares):
        row["boilerplate_share"] = share
    rewrite(folder, "articles", rows)


def test_a_nan_on_both_sides_is_no_change_and_a_zero_whose_sign_flipped_is_one(built_dataset, tmp_path):
    import shutil

    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        shutil.copytree(built_dataset / "data", folder / "data")
    _articles_with_share(old, [float("nan"), 0.0])
    _articles_with_share(new, [float("nan"), -0.0])
    articles = next(t for t in diff_folders(old, new).tables if t.table == "articles")
    assert [(c.id, list(c.columns)) for c in articles.changed] == [(articles.changed[0].id, ["boilerplate_share"])]
    assert articles.changed[0].columns["boilerplate_share"] == [0.0, -0.0]


def test_a_table_repeating_an_id_cannot_be_compared_by_id(built_dataset, tmp_path):
    import shutil

    from landstrikes.schema.tableio import UnreadableTable

    new = tmp_path / "new"
    shutil.copytree(built_dataset / "data", new / "data")
    shutil.copyfile(new / "data" / "quotes" / "quotes.parquet", new / "data" / "quotes" / "quotes-copy.parquet")
    with pytest.raises(UnreadableTable) as raised:
        diff_folders(built_dataset, new)
    assert raised.value.check == "duplicate-id" and "quotes" in str(raised.value)


def test_a_float_that_became_nan_is_strict_json_in_the_report(built_dataset, tmp_path):
    """RFC 8259 has no NaN: `diff --json` names it as a string, so any JSON parser reads the report."""
    import json
    import shutil

    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        shutil.copytree(built_dataset / "data", folder / "data")
    _articles_with_share(old, [0.25, 0.0])
    _articles_with_share(new, [float("nan"), float("inf")])

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    report = json.loads(diff_folders(old, new).to_json(), parse_constant=refuse)
    changed = report["tables"]["articles"]["changed"]
    assert [c["columns"]["boilerplate_share"] for c in changed] == [[0.25, "NaN"], [0.0, "Infinity"]]
