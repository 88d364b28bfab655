"""A census of false VALIDs: every table, every column, every plausible way a buggy producer
breaks one cell or one row, and whether `landstrikes.schema.validate` notices.

    python benchmarks/false_valid_census.py                 # the committed dataset/, every case
    python benchmarks/false_valid_census.py --tables quotes --limit 50
    python benchmarks/false_valid_census.py --summary-only  # re-print the summary of the last run

A benchmark, not a test: it runs a few thousand validations (minutes; progress on stderr). The
dataset (data/, raw/, annotations/, card) is copied once to a temporary folder; each case
rewrites ONE table file there (schema and its `landstrikes.*` stamps kept), validates the
folder in-process, and puts the original bytes back. Rows are the first, middle and last rows a
mutation applies to; every "another" (row, article, id) is drawn from a generator seeded by the
case's name, so two runs give the same cases.

Mutation kinds (`kind` in the results; `family` groups them for the summary):
- ids (a table's own id and every *_id column): another existing id (for the own id: a
  duplicate; for a reference: another id of the table it names), an id of another table, a
  dangling id, an id differing only in case, a trailing space;
- labels: every OTHER allowed label;
- strings: empty, one space, another row's value, a trailing space, a changed letter;
- lists: drop an item, duplicate an item, reorder, an item from another row;
- booleans: flip; floats: another row's value, out of range; nullable values: null / a value;
- integers: +1, -1; spans: start<->end swapped, moved to another occurrence of the same text
  in the article (id kept / id re-derived), moved to another article (offsets kept), and
  "consistent" shifts (+1/-1 with the text re-sliced and the id re-derived, as a producer
  whose offset arithmetic is wrong but self-consistent would write them);
- rows: delete, duplicate under a new id, move to another article (article_id changed,
  offsets kept; with and without the id re-derived).

Results: benchmarks/results/false_valid_census.json (every case: table, column, kind, row,
outcome = "VALID" or the check ids found) and a summary table (table x family: caught/passed)
printed and written between markers into docs/notes/census.md.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "false_valid_census.json"
NOTES = REPO / "docs" / "notes" / "census.md"
SUMMARY_BEGIN, SUMMARY_END = "<!-- census:summary -->", "<!-- /census:summary -->"

from landstrikes.schema import validate  # noqa: E402
from landstrikes.schema.every_table_checks import FOREIGN_KEYS, ID_CODES  # noqa: E402
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME  # noqa: E402

REFERENCES = {(t, c): rt for t, c, rt, _ in FOREIGN_KEYS}
REFERENCES[("claims", "variant_id")] = "claim_clusters.variant_ids"
Columns = dict[str, list]


@dataclass(frozen=True)
class Case:
    table: str
    column: str  # "*" for a whole-row mutation
    kind: str
    family: str
    row: int
    change: Callable[[Columns], Columns | None]  # None: the mutation does not apply (no-op)


def load(data: Path) -> dict[str, tuple[pa.Schema, Columns]]:
    tables = {}
    for spec in TABLES:
        table = pq.read_table(data / spec.name / f"{spec.name}.parquet")
        tables[spec.name] = (table.schema, {n: table.column(n).to_pylist() for n in table.column_names})
    return tables


def rows_of(values: list, want=lambda v: True) -> list[int]:
    """First, middle and last row whose value qualifies (distinct)."""
    chosen = [i for i, v in enumerate(values) if want(v)]
    if not chosen:
        return []
    return sorted({chosen[0], chosen[len(chosen) // 2], chosen[-1]})


def set_cell(column: str, row: int, value) -> Callable[[Columns], Columns | None]:
    def change(cols: Columns) -> Columns | None:
        if cols[column][row] == value and type(cols[column][row]) is type(value):
            return None
        new = dict(cols)
        new[column] = list(cols[column])
        new[column][row] = value
        return new
    return change


def with_cells(row: int, values: dict) -> Callable[[Columns], Columns | None]:
    def change(cols: Columns) -> Columns | None:
        if all(cols[c][row] == v for c, v in values.items()):
            return None
        new = dict(cols)
        for c, v in values.items():
            new[c] = list(cols[c])
            new[c][row] = v
        return new
    return change


def changed_letter(value: str) -> str:
    for i, ch in enumerate(value):
        if ch.isalpha():
            swap = "e" if ch.lower() != "e" else "a"
            return value[:i] + (swap.upper() if ch.isupper() else swap) + value[i + 1:]
    return value + "x"


def case_variant(value: str) -> str:
    for i, ch in enumerate(value):
        if ch.isalpha():
            return value[:i] + ch.swapcase() + value[i + 1:]
    return value


def dangling(value: str, table: str) -> str:
    if table == "articles":
        return "999_0123456789abcdef"
    return value + "-missing"


class Census:
    def __init__(self, tables: dict[str, tuple[pa.Schema, Columns]]):
        self.tables = tables
        self.cols = {name: cols for name, (_, cols) in tables.items()}
        self.texts = dict(zip(self.cols["articles"]["article_id"], self.cols["articles"]["text"]))
        self.article_ids = list(self.texts)
        self.ids = {spec.name: list(self.cols[spec.name][spec.id_column]) for spec in TABLES}
        self.ids["claim_clusters.variant_ids"] = sorted({v for vs in self.cols["claim_clusters"]["variant_ids"] for v in vs})

    def rng(self, *key) -> random.Random:
        return random.Random("|".join(map(str, key)))

    def other_article(self, article_id: str, key) -> str:
        others = [a for a in self.article_ids if a != article_id]
        return self.rng("article", *key).choice(others)

    # -- derived ids -------------------------------------------------------------------------------
    def derived_id(self, table: str, cols: Columns, row: int, article_id=None, start=None, end=None) -> str | None:
        article_id = article_id if article_id is not None else cols["article_id"][row]
        start = start if start is not None else cols["start"][row] if "start" in cols else None
        end = end if end is not None else cols["end"][row] if "end" in cols else None
        if table in ID_CODES:
            return f"{article_id}:{ID_CODES[table]}:{start}-{end}"
        if table == "quality_flags":
            return f"{article_id}:f:{cols['flag'][row]}:{start}-{end}"
        if table == "stances":
            old = cols["stance_id"][row]
            return article_id + old[len(cols["article_id"][row]):]
        return None

    # -- per column ------------------------------------------------------------------------------
    def column_cases(self, spec) -> list[Case]:
        cases: list[Case] = []
        cols = self.cols[spec.name]
        n = len(cols[spec.id_column])
        if n == 0:
            return cases
        span_of = {c: triple for triple in spec.span_columns for c in triple}
        for col in spec.columns:
            name, values = col.name, cols[col.name]
            add = lambda kind, family, row, change: cases.append(Case(spec.name, name, kind, family, row, change))  # noqa: E731
            present = rows_of(values, lambda v: v is not None)
            every = rows_of(values)
            is_id = name == spec.id_column or name.endswith("_id") or name in ("speaker_ids", "contradicted_by", "variant_ids")
            if col.type == "string" and is_id:
                own = name == spec.id_column
                ref = spec.name if own else REFERENCES.get((spec.name, name))
                pool = self.ids.get(ref) or sorted({v for v in values if v is not None})
                foreign = next(t for t in ("entities", "mentions", "claims", "articles") if t not in (spec.name, ref))
                for row in present:
                    value = values[row]
                    others = [v for v in pool if v != value]
                    if others:
                        add("another-existing-id", "id", row, set_cell(name, row, self.rng(spec.name, name, row).choice(others)))
                    add("id-of-another-table", "id", row, set_cell(name, row, self.ids[foreign][row % len(self.ids[foreign])]))
                    add("dangling-id", "id", row, set_cell(name, row, dangling(value, ref or "")))
                    add("id-case-differs", "id", row, set_cell(name, row, case_variant(value)))
                    add("id-trailing-space", "id", row, set_cell(name, row, value + " "))
            elif col.type == "string" and col.labels is not None:
                for row in present:
                    for label in col.labels:
                        if label != values[row]:
                            add(f"other-label:{label}", "label", row, set_cell(name, row, label))
            elif col.type == "string":
                for row in present:
                    value = values[row]
                    other = self.rng(spec.name, name, row).choice([v for i, v in enumerate(values) if i != row] or [value])
                    add("empty", "string", row, set_cell(name, row, ""))
                    add("one-space", "string", row, set_cell(name, row, " "))
                    add("another-row-value", "string", row, set_cell(name, row, other))
                    add("trailing-space", "string", row, set_cell(name, row, value + " "))
                    add("changed-letter", "string", row, set_cell(name, row, changed_letter(value)))
            elif col.type == "string_list":
                for row in every:
                    items = values[row]
                    others = [x for i, v in enumerate(values) if i != row for x in v if x not in items]
                    if items:
                        add("drop-item", "list", row, set_cell(name, row, items[1:]))
                        add("duplicate-item", "list", row, set_cell(name, row, items + items[:1]))
                    if len(items) > 1:
                        add("reorder", "list", row, set_cell(name, row, items[::-1]))
                    if others:
                        add("item-from-another-row", "list", row, set_cell(name, row, items + [self.rng(spec.name, name, row).choice(others)]))
                    if is_id:
                        add("dangling-item", "list", row, set_cell(name, row, items + ["zz-missing"]))
            elif col.type == "bool":
                for row in present:
                    add("flip", "bool", row, set_cell(name, row, not values[row]))
            elif col.type == "float":
                bounded = any(r.name == "in_range" for r in col.checks)
                for row in every:
                    value = values[row]
                    other = self.rng(spec.name, name, row).choice([v for i, v in enumerate(values) if i != row and v != value] or [value])
                    add("another-row-value", "float", row, set_cell(name, row, other))
                    if bounded:
                        add("out-of-range-high", "float", row, set_cell(name, row, 1.5))
                        add("out-of-range-low", "float", row, set_cell(name, row, -0.5))
                    elif value is not None:
                        add("negative", "float", row, set_cell(name, row, -abs(value) - 1.0))
                        add("times-ten", "float", row, set_cell(name, row, value * 10 if value else 10.0))
            elif col.type == "int":
                for row in present:
                    add("plus-one", "int", row, set_cell(name, row, values[row] + 1))
                    add("minus-one", "int", row, set_cell(name, row, values[row] - 1))
            if col.nullable:
                for row in present:
                    add("set-null", "null", row, set_cell(name, row, None))
                filled = [v for v in values if v is not None]
                for row in rows_of(values, lambda v: v is None):
                    if filled:
                        add("null-given-a-value", "null", row, set_cell(name, row, self.rng(spec.name, name, row).choice(filled)))
        for triple in spec.span_columns:
            cases += self.span_cases(spec, triple)
        return cases

    def span_cases(self, spec, triple) -> list[Case]:
        start_c, end_c, text_c = triple
        cols = self.cols[spec.name]
        main = start_c == "start"
        derives = main and spec.name in (*ID_CODES, "quality_flags")
        cases = []
        for row in rows_of(cols[start_c], lambda v: v is not None):
            s, e = cols[start_c][row], cols[end_c][row]
            article = cols["article_id"][row]
            text = self.texts[article]
            add = lambda kind, change: cases.append(Case(spec.name, f"{start_c}/{end_c}", kind, "span", row, change))  # noqa: E731
            add("swap-start-end", with_cells(row, {start_c: e, end_c: s}))
            for delta, label in ((1, "+1"), (-1, "-1")):
                for moved, what in (((s + delta, e + delta), "shift"), ((s + delta, e), "start"), ((s, e + delta), "end")):
                    ns, ne = moved
                    if ns < 0 or ne > len(text) or ns > ne:
                        continue
                    cells = {start_c: ns, end_c: ne, text_c: text[ns:ne]}
                    if derives:
                        cells[spec.id_column] = self.derived_id(spec.name, cols, row, start=ns, end=ne)
                    add(f"consistent-{what}{label}", with_cells(row, cells))
            # another occurrence of the same text in the same article
            needle = cols[text_c][row]
            other = _other_occurrence(text, needle, s)
            if other is not None:
                cells = {start_c: other, end_c: other + len(needle)}
                add("same-text-elsewhere-id-kept", with_cells(row, dict(cells)))
                if derives:
                    cells[spec.id_column] = self.derived_id(spec.name, cols, row, start=other, end=other + len(needle))
                    add("same-text-elsewhere-id-rederived", with_cells(row, cells))
            # the same text in another article
            for target in self.article_ids:
                if target == article:
                    continue
                where = self.texts[target].find(needle) if needle else -1
                if where >= 0 and main:
                    cells = {"article_id": target, start_c: where, end_c: where + len(needle)}
                    if spec.id_column in ("stance_id",) or derives:
                        cells[spec.id_column] = self.derived_id(spec.name, cols, row, article_id=target, start=where, end=where + len(needle))
                    add("same-text-other-article", with_cells(row, cells))
                    break
        return cases

    # -- whole rows ------------------------------------------------------------------------------
    def row_cases(self, spec) -> list[Case]:
        cols = self.cols[spec.name]
        n = len(cols[spec.id_column])
        cases = []
        for row in rows_of(list(range(n))):
            cases.append(Case(spec.name, "*", "delete-row", "row", row, _delete(row)))
            cases.append(Case(spec.name, "*", "duplicate-row-new-id", "row", row, _duplicate(spec, row)))
            if "article_id" in cols:
                target = self.other_article(cols["article_id"][row], (spec.name, row))
                cases.append(Case(spec.name, "*", "move-to-other-article-id-kept", "row", row, with_cells(row, {"article_id": target})))
                new_id = self.derived_id(spec.name, cols, row, article_id=target)
                if new_id is not None:
                    cases.append(Case(spec.name, "*", "move-to-other-article-id-rederived", "row", row,
                                      with_cells(row, {"article_id": target, spec.id_column: new_id})))
        return cases


def _other_occurrence(text: str, needle: str, start: int) -> int | None:
    if not needle:
        return None
    at = text.find(needle)
    while at >= 0:
        if at != start:
            return at
        at = text.find(needle, at + 1)
    return None


def _delete(row: int):
    def change(cols: Columns) -> Columns:
        return {c: v[:row] + v[row + 1:] for c, v in cols.items()}
    return change


def _duplicate(spec, row: int):
    def change(cols: Columns) -> Columns:
        new = {c: v + [v[row]] for c, v in cols.items()}
        new[spec.id_column][-1] = new[spec.id_column][-1] + "-2"
        return new
    return change


def run(args) -> list[dict]:
    data_source = REPO / "dataset"
    tables = load(data_source / "data")
    census = Census(tables)
    cases = []
    for spec in TABLES:
        if args.tables and spec.name not in args.tables:
            continue
        cases += census.column_cases(spec) + census.row_cases(spec)
    if args.limit:
        cases = cases[: args.limit]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "dataset"
        for part in ("data", "raw", "annotations"):
            shutil.copytree(data_source / part, folder / part)
        shutil.copy(data_source / "README.md", folder / "README.md")
        baseline = validate(folder)
        assert baseline.ok, f"the gold copy does not validate: {baseline.findings[:3]}"
        begin = time.perf_counter()
        for i, case in enumerate(cases):
            schema, cols = tables[case.table]
            path = folder / "data" / case.table / f"{case.table}.parquet"
            original = path.read_bytes()
            new = case.change(cols)
            record = {"table": case.table, "column": case.column, "kind": case.kind, "family": case.family,
                      "row": case.row, "row_id": cols[TABLES_BY_NAME[case.table].id_column][case.row]}
            if new is None:
                record["outcome"] = "NO-OP"
            else:
                pq.write_table(pa.Table.from_pydict(new, schema=schema), path)
                try:
                    report = validate(folder)
                    if report.unusable is not None:
                        record["outcome"] = "UNUSABLE"
                    elif report.ok:
                        record["outcome"] = "VALID"
                    else:
                        record["outcome"] = "caught"
                        record["checks"] = sorted({f.check for f in report.findings})
                finally:
                    path.write_bytes(original)
            results.append(record)
            if i % 50 == 0 or i == len(cases) - 1:
                print(f"[{i + 1}/{len(cases)}] {time.perf_counter() - begin:.0f} s {case.table}.{case.column} {case.kind}",
                      file=sys.stderr, flush=True)
    return results


def summary(results: list[dict]) -> str:
    """Per table x family: caught / passed (VALID), no-ops left out."""
    counts = collections.defaultdict(lambda: [0, 0])
    families = []
    for r in results:
        if r["outcome"] == "NO-OP":
            continue
        if r["family"] not in families:
            families.append(r["family"])
        counts[(r["table"], r["family"])][r["outcome"] == "VALID"] += 1
    tables = [s.name for s in TABLES if any(k[0] == s.name for k in counts)]
    lines = ["| table | " + " | ".join(families) + " | all |", "|---|" + "---:|" * (len(families) + 1)]
    total = collections.defaultdict(lambda: [0, 0])
    for t in tables:
        cells, row_total = [], [0, 0]
        for f in families:
            caught, passed = counts.get((t, f), [0, 0])
            cells.append(f"{caught}/{passed}" if caught + passed else "")
            row_total[0] += caught
            row_total[1] += passed
            total[f][0] += caught
            total[f][1] += passed
        lines.append(f"| {t} | " + " | ".join(cells) + f" | {row_total[0]}/{row_total[1]} |")
    grand = [sum(v[0] for v in total.values()), sum(v[1] for v in total.values())]
    lines.append("| **all** | " + " | ".join(f"{total[f][0]}/{total[f][1]}" for f in families) + f" | {grand[0]}/{grand[1]} |")
    n = sum(1 for r in results if r["outcome"] != "NO-OP")
    valid = sum(1 for r in results if r["outcome"] == "VALID")
    return (f"{n} cases (no-ops left out), {valid} VALID. Cells are caught/VALID.\n\n" + "\n".join(lines))


def write_summary(text: str) -> None:
    if not NOTES.exists():
        return
    notes = NOTES.read_text(encoding="utf-8")
    if SUMMARY_BEGIN in notes and SUMMARY_END in notes:
        head, rest = notes.split(SUMMARY_BEGIN, 1)
        _, tail = rest.split(SUMMARY_END, 1)
        NOTES.write_text(f"{head}{SUMMARY_BEGIN}\n{text}\n{SUMMARY_END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", nargs="*", default=None)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--summary-only", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.summary_only:
        results = json.loads(args.out.read_text(encoding="utf-8"))["cases"]
    else:
        begin = time.perf_counter()
        results = run(args)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"seconds": round(time.perf_counter() - begin, 1), "cases": results},
                                       ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    text = summary(results)
    print(text)
    if not args.tables and not args.limit:
        write_summary(text)


if __name__ == "__main__":
    main()
