"""A corpus written from plain rows, and the plain definitions of the span and name rules to
compare validate's findings with (attack10).

`write(folder, rows)` writes every table of the registry with its Arrow types, nulls allowed in
any column, a default for every column a row does not set; so a test states only the rows and
cells it attacks (offsets past the text, null, int64's ends, an article id twice, ...). The
`plain_*` functions compute, row by row in Python on the same rows, the findings each rule's
definition gives (its docstring, ANNOTATION_GUIDELINES G1, M2, M5, M6), worded as the check words
them; `findings(report, checks)` picks validate's findings of those check ids.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import codepoints
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import METADATA_PREFIX

DEFAULTS = {"string": "x", "int": 0, "float": 0.0, "bool": False, "string_list": []}
"""A value of each column type for the cells a test does not set (valid or not: only the checks
a test names are compared)."""
LABELS = {"type": "PERSON", "flag": "none", "kind": "NAME", "source": "gold", "confidence": None}
"""Cells that, left to DEFAULTS, would only add label findings nobody compares."""

CODE_POINT_INDEXES = {
    "as-chosen": codepoints.code_point_index,
    "sparse": codepoints.SparseIndex,
    "chunked": codepoints.ChunkIndex,
}
"""Each code-point index a test may force on validate (`spantext.code_point_index`): the sparse
one lists every multi-byte character (the separators are found from it), the chunked one maps
offsets chunk by chunk (with `codepoints._CHUNK` made small, across many chunk edges)."""

SPAN_CHECKS = ("span-partially-null", "span-start-after-end", "span-out-of-range", "span-text-mismatch")


def sound_article_cells(number: int) -> dict:
    """Cells of article row `number` that keep the articles table's schema rules (a distinct
    source_file and sha256, n_chars above 0, a quality label of the set), for the cells a test
    does not set: with DEFAULTS there ("x", 0) the table breaks them in every corpus, and
    validate reads it into pandas for Pandera to word findings nobody compares."""
    return {"source_file": f"raw/{number}.txt", "sha256": f"{number:064x}", "n_chars": 1, "quality_label": "clean"}


def write(folder: Path, rows: dict[str, list[dict]], sound_articles: bool = False) -> Path:
    """Every table of the registry under folder/data, from `rows` (table -> list of column -> value);
    with `sound_articles`, the article cells a row does not set are `sound_article_cells`."""
    if sound_articles:
        rows = {**rows, "articles": [{**sound_article_cells(i), **a} for i, a in enumerate(rows.get("articles", []))]}
    for spec in TABLES:
        records = rows.get(spec.name, [])
        fields = [pa.field(c.name, c.arrow_type, nullable=True) for c in spec.columns]
        meta = {f"{METADATA_PREFIX}schema_version": SCHEMA_VERSION, f"{METADATA_PREFIX}table": spec.name}
        columns = {c.name: [r[c.name] if c.name in r else LABELS.get(c.name, DEFAULTS[c.type]) for r in records] for c in spec.columns}
        table_dir = folder / "data" / spec.name
        table_dir.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table(columns, schema=pa.schema(fields, metadata=meta)), table_dir / f"{spec.name}.parquet")
    return folder


def findings(report: Report, checks) -> list:
    """validate's findings of the given check ids, in report order."""
    return [f for f in report.findings if f.check in checks]


def crashes(report: Report, checks: tuple[str, ...]) -> list:
    """check-crashed findings of the named check functions, and an unusable verdict. (Others are
    not these tests' business: check_segments_partition crashes on a null segment offset.)"""
    return [f for f in report.findings if f.check == "check-crashed" and f.message.startswith(checks)] + ([report.unusable] if report.unusable else [])


def article_row(rows: dict[str, list[dict]]) -> dict[str, int]:
    """Article id -> the row whose text its spans point into: an id given twice names its last
    row (checkcorpus.article_rows); a null id names none."""
    return {a["article_id"]: i for i, a in enumerate(rows.get("articles", [])) if a.get("article_id") is not None}


def _text(article: dict) -> str:
    return article.get("text") or ""


def plain_spans(rows: dict[str, list[dict]]) -> Report:
    """G1 row by row: a span is all null or all set; start <= end; end within the article; start
    not negative (in that order of precedence); its text is article_text[start:end]."""
    report = Report(path="")
    articles = rows.get("articles", [])
    row_of = article_row(rows)
    for spec in TABLES:
        for start_col, end_col, text_col in spec.span_columns:
            table_rows = rows.get(spec.name, [])
            ids = [str(r.get(spec.id_column)) for r in table_rows]
            known = [(i, r, articles[row_of[r.get("article_id")]]) for i, r in enumerate(table_rows) if r.get("article_id") in row_of]
            for i, r in enumerate(table_rows):
                nulls = sum(r.get(c) is None for c in (start_col, end_col, text_col))
                if 0 < nulls < 3:
                    report.add(spec.name, "span-partially-null", f"{start_col}/{end_col}/{text_col} must be all null or all set", ids[i], start_col)
            full = [(i, r, a) for i, r, a in known if all(r.get(c) is not None for c in (start_col, end_col, text_col))]
            after = [(i, r) for i, r, _ in full if r[start_col] > r[end_col]]
            beyond = [(i, r, a) for i, r, a in full if r[start_col] <= r[end_col] and r[end_col] > len(_text(a))]
            negative = [(i, r) for i, r, a in full if r[start_col] <= r[end_col] <= len(_text(a)) and r[start_col] < 0]
            for i, r in after:
                report.add(spec.name, "span-start-after-end", f"{start_col} {r[start_col]} > {end_col} {r[end_col]}", ids[i], start_col, r[start_col])
            for i, r, a in beyond:
                report.add(spec.name, "span-out-of-range", f"{end_col} {r[end_col]} beyond article length {len(_text(a))}", ids[i], end_col, r[end_col])
            for i, r in negative:
                report.add(spec.name, "span-out-of-range", f"{start_col} {r[start_col]} is negative", ids[i], start_col, r[start_col])
            for i, r, a in full:
                start, end = r[start_col], r[end_col]
                if 0 <= start <= end <= len(_text(a)) and r[text_col] != _text(a)[start:end]:
                    want = _text(a)[start:end]
                    report.add(spec.name, "span-text-mismatch", f"{text_col} differs from article text[{start}:{end}] = {want!r}", ids[i], text_col, r[text_col])
    return report


SPACES = " \u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
"""Every Unicode space separator (category Zs), which a space of an alias matches (M6)."""


def occurrences(alias: str, text: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of a (non-empty) alias, each space matching any space separator:
    the text at [start, end) is the alias, and no word character is on either side."""
    if not alias:
        return []
    found = []
    for start in range(len(text) - len(alias) + 1):
        end = start + len(alias)
        same = all(t == a or (a == " " and t in SPACES) for t, a in zip(text[start:end], alias))
        if same and not (start > 0 and re.match(r"\w", text[start - 1])) and not (end < len(text) and re.match(r"\w", text[end])):
            found.append((start, end))
    return found


def gold_entities(rows) -> list[dict]:
    """The entities an annotator catalogued (source not "auto")."""
    return [e for e in rows.get("entities", []) if e.get("source", "gold") != "auto"]


def plain_alias_coverage(rows: dict[str, list[dict]]) -> Report:
    """M2/M5 occurrence by occurrence: every whole-word occurrence of every gold alias in every
    article lies inside the union of the mention and exclusion spans of that article id (a null
    offset counted as 0, as the check's exact path counts it), in article, entity, alias order."""
    report = Report(path="")
    covering = rows.get("mentions", []) + rows.get("mention_exclusions", [])
    for article in rows.get("articles", []):
        text, article_id = _text(article), article.get("article_id")
        named = "<null>" if article_id is None else article_id  # how a finding names a null id (report.NULL_ROW_ID)
        covered = set()
        for span in covering:
            if span.get("article_id") == article_id and article_id is not None:
                covered.update(range(max(span.get("start") or 0, 0), min(span.get("end") or 0, len(text))))
        for entity in gold_entities(rows):
            for alias in entity.get("aliases") or []:
                for start, end in occurrences(alias, text):
                    if not set(range(start, end)) <= covered:
                        report.add("articles", "alias-not-covered", f"alias {alias!r} of {entity['entity_id']} at {start}-{end} is neither a mention nor an exclusion", named, "text",
                                   text[start:end], value_of=f"text[{start}:{end}]")  # the article's words there (attack56)
    return report


def plain_entities_mentioned(rows: dict[str, list[dict]]) -> tuple[list[str], dict[tuple[str, str], set[tuple[str, int, int]]]]:
    """M6: (the gold entity ids no mention names, sorted; and for every (entity, article id) that
    must have a mention there and has none, every occurrence that obliges it).

    A gold alias occurrence obliges every gold entity owning that alias when it is exactly the
    span of some mention of that article id (of any entity); occurrences are looked for in every
    row of an article id given twice."""
    mentions = rows.get("mentions", [])
    gold = gold_entities(rows)
    named = {m.get("entity_id") for m in mentions}
    nowhere = sorted({e["entity_id"] for e in gold} - named)
    spans = {(m.get("article_id"), m.get("start"), m.get("end")) for m in mentions}
    has = {(m.get("article_id"), m.get("entity_id")) for m in mentions}
    missing: dict[tuple[str, str], set[tuple[str, int, int]]] = {}
    for article in rows.get("articles", []):
        article_id = article.get("article_id")
        if article_id is None:
            continue
        for entity in gold:
            for alias in entity.get("aliases") or []:
                for start, end in occurrences(alias, _text(article)):
                    if (article_id, start, end) in spans and (article_id, entity["entity_id"]) not in has:
                        missing.setdefault((entity["entity_id"], article_id), set()).add((alias, start, end))
    return nowhere, missing


_OCCURS = re.compile(r"^(?P<alias>'.*') occurs at (?P<start>\d+)-(?P<end>\d+) in (?P<article>.*), which has no mention of this entity \(M6\)$")


def reported_entities_mentioned(report: Report) -> tuple[list[str], dict[tuple[str, str], list[tuple[str, int, int]]]]:
    """validate's entity-not-mentioned findings in the shape `plain_entities_mentioned` gives."""
    import ast

    nowhere, missing = [], {}
    for f in findings(report, ("entity-not-mentioned",)):
        match = _OCCURS.match(f.message)
        if match is None:
            assert f.message == "no article has a mention of this entity (M6)" and f.column == "entity_id", f
            nowhere.append(f.row_id)
            continue
        alias = ast.literal_eval(match["alias"])
        assert f.column == "aliases" and f.value == alias, f
        missing.setdefault((f.row_id, match["article"]), []).append((alias, int(match["start"]), int(match["end"])))
    return nowhere, missing


def assert_span_rules_hold(report: Report, rows: dict[str, list[dict]]) -> None:
    """validate's span findings are exactly the plain ones, and check_spans did not crash."""
    assert not crashes(report, ("check_spans ",)), crashes(report, ("check_spans ",))
    assert findings(report, SPAN_CHECKS) == plain_spans(rows).findings


def assert_name_rules_hold(report: Report, rows: dict[str, list[dict]]) -> None:
    """validate's alias-not-covered findings are exactly the plain ones (in order); its
    entity-not-mentioned findings name exactly the plain (entity, article) pairs, each once, with
    an occurrence that obliges it; and neither check crashed."""
    checks = ("check_alias_coverage ", "check_entities_mentioned ")
    assert not crashes(report, checks), crashes(report, checks)
    assert findings(report, ("alias-not-covered",)) == plain_alias_coverage(rows).findings
    nowhere, missing = plain_entities_mentioned(rows)
    got_nowhere, got_missing = reported_entities_mentioned(report)
    assert got_nowhere == nowhere
    assert set(got_missing) == set(missing), (got_missing, missing)
    for pair, occurrence in got_missing.items():
        assert len(occurrence) == 1 and occurrence[0] in missing[pair], (pair, occurrence, missing[pair])


def id_column(table: str) -> str:
    return TABLES_BY_NAME[table].id_column
