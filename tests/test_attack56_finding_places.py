"""Every finding line names what is wrong: its table is a table, its column a column of that table,
its row id a row of that table, and its value that row's cell in that column, or the line says what
else the value is (`value_of`: `text[674:690]`, `an item`, `its text`, ...). Judged over the whole
catalogue of check ids the suite can trigger: every hostile `validate` case that starts from the
built gold, and the false-VALID census's first case of each check id it records
(benchmarks/results/false_valid_census.json).

attack56: review56 found two lines naming one column and printing another's value
(`raw-text-changed`: column `text`, a digest; `nominal-is-part-of-its-name`: column `kind`, the
mention's words); over the catalogue, 48 check ids did so (an item printed as a list cell, a slice of
an article printed as its text, an offset column printed with the span's words, a value cut at 60
characters with no mark)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from conftest import REPO

from landstrikes.schema import validate
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Finding, Report, _short

HOSTILE = REPO / "tests" / "hostile"
CENSUS_RESULTS = REPO / "benchmarks" / "results" / "false_valid_census.json"

NOT_A_ROW = "no row of the table holds"
"""How a line says its row id is no row of its table (`article-not-raw`: a raw file no row names)."""


def _rows(folder: Path, table: str) -> list[dict] | None:
    try:
        return pq.read_table(Path(folder) / "data" / table).to_pylist()
    except Exception:  # noqa: BLE001 - a table the finding itself says is unreadable
        return None


def _cell_shown(cell) -> str:
    return _short(cell)


def _value_of_holds(f: Finding, row: dict) -> bool:
    """The few `value_of` forms that say exactly which part of the row the value is are held to it."""
    cell = row.get(f.column)
    if m := re.fullmatch(r"(\w+)\[(\d+):(\d+)\]", f.value_of):
        whole = row.get(m.group(1))
        return isinstance(whole, str) and f.value == _short(whole[int(m.group(2)):int(m.group(3))])
    if f.value_of == "its repr":
        return f.value == _short(repr(cell))
    if f.value_of == "an item":
        return isinstance(cell, list) and any(f.value == _short(item) for item in cell)
    if m := re.fullmatch(r"its (\w+)", f.value_of):
        if m.group(1) in row:
            return f.value == _short(row[m.group(1)])
    if m := re.fullmatch(r"the end of its (\w+)", f.value_of):
        whole = row.get(m.group(1))
        return isinstance(whole, str) and whole.endswith(f.value)
    return True  # another thing, named in words (`the mention`, `its span`, `claims lacking`)


def misplaced(folder: Path, report: Report) -> list[str]:
    """Each finding whose line names a place its table, row, column or value is not, in words."""
    out, cache = [], {}
    for f in report.findings:
        line = f"[{f.check}] {f.table} {f.row_words() or '(whole table)'} column {f.column!r} value {f.value!r}"
        spec = TABLES_BY_NAME.get(f.table)
        if spec is None:
            if f.of_a_row() or f.column:
                out.append(f"{line}: {f.table!r} is no table, yet a row or column of it is named")
            continue
        if f.table not in cache:
            cache[f.table] = _rows(folder, f.table)
        rows = cache[f.table]
        columns = {c.name for c in spec.columns} | (set(rows[0]) if rows else set())
        if f.column and f.column not in columns:
            out.append(f"{line}: the table has no column {f.column!r}")
            continue
        if not f.of_a_row() or f.row_null or rows is None:
            continue
        named = [r for r in rows if str(r.get(spec.id_column)) == f.row_id]  # two, where the id is duplicated
        if not named:
            if NOT_A_ROW not in f.message:
                out.append(f"{line}: no row of {f.table} has that id, and the line does not say so")
            continue
        if not f.has_value or not f.column or f.column not in named[0]:
            continue
        if f.value_of:
            if not any(_value_of_holds(f, row) for row in named):
                out.append(f"{line}: the value is not {f.value_of} of that row")
        elif all(f.value != _cell_shown(row[f.column]) for row in named):
            out.append(f"{line}: the row's {f.column} is {_cell_shown(named[0][f.column])!r}, and the line does not say "
                       "what else it shows")
    return out


# --- the auditor itself can fail -------------------------------------------------------------------

def _one(tmp_path: Path, **finding) -> list[str]:
    table = pa.table({"article_id": ["a1"], "text": ["Hello world"], "n_chars": [11]})
    (tmp_path / "data" / "articles").mkdir(parents=True)
    pq.write_table(table, tmp_path / "data" / "articles" / "articles.parquet")
    report = Report(path=str(tmp_path))
    report.add("articles", "some-check", finding.pop("message", "why"), **finding)
    return misplaced(tmp_path, report)


def test_a_line_printing_another_columns_value_is_misplaced(tmp_path):
    assert _one(tmp_path, row_id="a1", column="text", value="11")
    assert not _one(tmp_path / "2", row_id="a1", column="n_chars", value=11)


def test_a_slice_of_a_cell_is_said_to_be_one_and_checked(tmp_path):
    assert _one(tmp_path, row_id="a1", column="text", value="world")
    assert not _one(tmp_path / "2", row_id="a1", column="text", value="world", value_of="text[6:11]")
    assert _one(tmp_path / "3", row_id="a1", column="text", value="world", value_of="text[0:5]")


def test_a_row_or_column_the_table_lacks_is_misplaced(tmp_path):
    assert _one(tmp_path, row_id="a2", column="text", value="Hello world")
    assert not _one(tmp_path / "2", row_id="a2", column="text", message=f"raw/a2.txt: {NOT_A_ROW}")
    assert _one(tmp_path / "3", row_id="a1", column="no_such_column", value="x")


def test_the_text_report_says_what_else_a_value_is():
    report = Report(path="x")
    report.add("articles", "some-check", "why", "a1", "text", "world", value_of="text[6:11]")
    report.add("articles", "other-check", "why", "a1", "n_chars", 11)
    text = report.to_text()
    assert "column text: why (text[6:11]: world)" in text and "column n_chars: why (value: 11)" in text
    found = json.loads(report.to_json())["findings"]
    assert [f["value_of"] for f in found] == [None, "text[6:11]"]


# --- the catalogue -------------------------------------------------------------------------------

def _hostile_validate_cases() -> list[str]:
    names = []
    for case in sorted(HOSTILE.iterdir()):
        path = case / "case.yaml"
        if not path.is_file():
            continue
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        if spec.get("start") == "built" and spec.get("command") == ["validate", "{input}"]:
            names.append(case.name)
    return names


@lru_cache(maxsize=1)
def _census():
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import false_valid_census as census
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return census


def _census_cases() -> list[tuple[str, str, str, int]]:
    """The census's first recorded case of each check id it caught: (table, column, kind, row)."""
    seen, cases = set(), []
    for case in json.loads(CENSUS_RESULTS.read_text(encoding="utf-8"))["cases"]:
        new = set(case.get("checks", ())) - seen
        if new:
            seen |= new
            cases.append((case["table"], case["column"], case["kind"], case["row"]))
    return cases


def _gold_copy(built: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for part in ("data", "raw", "annotations"):
        shutil.copytree(built / part, target / part)
    for name in ("README.md", "agreement.json"):
        if (built / name).exists():
            shutil.copy2(built / name, target / name)
    return target


@pytest.fixture(scope="module")
def catalogue(built_dataset, tmp_path_factory) -> dict[str, tuple[set[str], list[str]]]:
    """Each case's check ids and misplaced lines, by case name."""
    results = {}
    for name in _hostile_validate_cases():
        folder = _gold_copy(built_dataset, tmp_path_factory.mktemp("hostile") / "d")
        case = HOSTILE / name
        if (case / "input").is_dir():
            shutil.copytree(case / "input", folder, dirs_exist_ok=True, symlinks=True)
        if (case / "prepare.py").is_file():
            spec = importlib.util.spec_from_file_location(f"attack56_{name}", case / "prepare.py")
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            module.prepare(folder)
        report = validate(folder)
        results[f"hostile {name}"] = ({f.check for f in report.findings}, misplaced(folder, report))
        shutil.rmtree(folder.parent, ignore_errors=True)
    census = _census()
    tables = census.load(built_dataset / "data")
    maker = census.Census(tables)
    by_key = {(c.table, c.column, c.kind, c.row): c for spec in census.TABLES
              for c in maker.column_cases(spec) + maker.row_cases(spec)}
    folder = _gold_copy(built_dataset, tmp_path_factory.mktemp("census") / "d")
    for key in _census_cases():
        case = by_key.get(key)
        if case is None:
            continue
        schema, cols = tables[case.table]
        new = case.change(cols)
        if new is None:
            continue
        path = folder / "data" / case.table / f"{case.table}.parquet"
        original = path.read_bytes()
        pq.write_table(pa.Table.from_pydict(new, schema=schema), path)
        try:
            report = validate(folder)
            results["census " + " ".join(map(str, key))] = ({f.check for f in report.findings}, misplaced(folder, report))
        finally:
            path.write_bytes(original)
    return results


def test_every_finding_line_names_its_table_row_column_and_value(catalogue):
    wrong = sorted({line for _, lines in catalogue.values() for line in lines})
    assert wrong == [], "\n".join(wrong[:40])


def test_the_cases_trigger_most_of_the_catalogue(catalogue):
    """The cases judge the ids the hostile corpus and the census reach (more than 130 today), not a few."""
    ids = set().union(*(found for found, _ in catalogue.values()))
    assert len(ids) > 130 and {"raw-text-changed", "nominal-is-part-of-its-name", "alias-not-covered"} <= ids


# --- ids neither the hostile corpus nor the census reaches, broken as their own tests break them ------

def _shrink_a_nominal_onto_its_noun(folder):
    """attack28's nominal-without-determiner: 'his first sit-down interview' cut to its noun."""
    from attack25_tools import rows_of, write_rows

    mentions = rows_of(folder, "mentions")
    row = next(m for m in mentions if m["kind"] == "NOMINAL" and m["text"] == "his first sit-down interview")
    row.update(start=row["start"] + 4, text=row["text"][4:])
    row["mention_id"] = f"{row['article_id']}:m:{row['start']}-{row['end']}"
    write_rows(folder, "mentions", sorted(mentions, key=lambda m: (m["article_id"], m["start"], m["end"])))


def _a_title_as_a_nominal(folder):
    """attack28's nominal-is-a-title: 'Former U.S. President Donald Trump' added as a NOMINAL."""
    from attack25_tools import rows_of, write_rows

    a004 = "004_26f752040ea19616"
    text = rows_of(folder, "articles")[4]["text"]
    mentions = rows_of(folder, "mentions")
    base = next(m for m in mentions if m["article_id"] == a004 and m["kind"] == "NOMINAL")
    mentions.append(dict(base, start=276, end=310, text=text[276:310], entity_id="donald-trump", mention_id=f"{a004}:m:276-310"))
    write_rows(folder, "mentions", sorted(mentions, key=lambda m: (m["article_id"], m["start"], m["end"])))


@pytest.mark.parametrize("check, corrupt", [("nominal-without-determiner", _shrink_a_nominal_onto_its_noun),
                                            ("nominal-is-a-title", _a_title_as_a_nominal)])
def test_the_nominal_rules_name_what_their_value_is(dataset_copy, check, corrupt):
    assert _misplaced_once_broken(dataset_copy, check, corrupt) == []


def _misplaced_once_broken(folder, check, corrupt) -> list[str]:
    """`corrupt` the folder, check it gives `check`, and say which finding lines are misplaced."""
    corrupt(folder)
    report = validate(folder)
    assert check in {f.check for f in report.findings}
    return misplaced(folder, report)


def test_the_engine_names_a_dangling_list_item_as_an_item(dataset_copy):
    """`validate --engine`'s own key pass says what its value is as the one-process checks do."""
    from attack25_tools import rows_of, write_rows

    from landstrikes.engines.validate import validate_partitioned

    quotes = rows_of(dataset_copy, "quotes")
    row = next(q for q in quotes if q["speaker_ids"])
    row["speaker_ids"] = [*row["speaker_ids"], "zz-missing"]
    write_rows(dataset_copy, "quotes", quotes)
    for report in (validate(dataset_copy), validate_partitioned(dataset_copy)):
        assert any(f.check == "dangling-foreign-key" and f.value == "zz-missing" for f in report.findings)
        assert misplaced(dataset_copy, report) == []


def _drop_the_alias_that_is_the_name(folder):
    """silver39's auto-alias-missing: an extractor entity's alias that is its name dropped."""
    from attack36_tools import rows_of, write_rows

    entities = rows_of(folder, "entities")
    entity = next(e for e in entities if e["name"] in e["aliases"] and len(e["aliases"]) > 1)
    entity["aliases"] = [a for a in entity["aliases"] if a != entity["name"]]
    write_rows(folder, "entities", entities)


def _add_an_alias_no_mention_has(folder):
    """auto-entity-not-derived: an extractor entity given an alias none of its NAME mentions reads."""
    from attack36_tools import rows_of, write_rows

    entities = rows_of(folder, "entities")
    entity = next(e for e in entities if e["aliases"])
    entity["aliases"] = [*entity["aliases"], "Zzyzx Nowhere"]
    write_rows(folder, "entities", entities)


@pytest.mark.parametrize("check, corrupt", [("auto-alias-missing", _drop_the_alias_that_is_the_name),
                                            ("auto-entity-not-derived", _add_an_alias_no_mention_has)])
def test_the_extractors_alias_rules_name_what_their_value_is(silver_copy, check, corrupt):
    assert _misplaced_once_broken(silver_copy, check, corrupt) == []
