"""M2's plain check (every alias occurrence is inside a mention or an exclusion) re-runs only
where the fast scan found an occurrence uncovered, and there only for the aliases found
uncovered: it re-ran every alias of every such article, so a 10^5-quote corpus missing one
entity's mentions took 136 s in this check (4,855 articles x 107 aliases, a regular expression
over each whole text; 3 s now), and each article's covering spans were looked up by a scan of all
of them.

The tests count the aliases the plain check is asked to scan (not seconds); the findings are
those of the plain check run over every alias of every article."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import landstrikes.schema.mentions_checks as mentions_checks
from attack25_tools import rows_of, table_path, write_rows
from landstrikes.schema import validate
from landstrikes.schema.report import Report

CHECK = "alias-not-covered"


def _write_nullable(folder, table: str, rows: list[dict]) -> None:
    path = table_path(folder, table)
    schema = pq.read_schema(path)
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema([f.with_nullable(True) for f in schema], metadata=schema.metadata)), path)


def _plain(folder) -> list[tuple[str, str, str]]:
    """The plain check over every gold alias of every article, as the slow path wrote it."""
    import pandas as pd

    articles = pq.read_table(table_path(folder, "articles")).to_pandas()
    entities = pq.read_table(table_path(folder, "entities")).to_pandas()
    covering = pd.concat([pq.read_table(table_path(folder, t)).to_pandas()[["article_id", "start", "end"]]
                          for t in ("mentions", "mention_exclusions")])
    gold = entities[entities["source"] != "auto"]
    pairs = [(e, a) for e, aliases in zip(gold["entity_id"], gold["aliases"]) for a in aliases]
    report = Report(path="-")
    for article_id, text in zip(articles["article_id"], articles["text"]):
        mentions_checks._report_uncovered_aliases(article_id, text, pairs, covering, report)
    return [(f.check, str(f.row_id), f.message) for f in report.findings]


def _found(folder) -> list[tuple[str, str, str]]:
    return [(f.check, str(f.row_id), f.message) for f in validate(folder).findings if f.check == CHECK]


def _aliases_scanned(monkeypatch) -> list[str]:
    scanned = []
    plain = mentions_checks.alias_pattern

    def counted(alias):
        scanned.append(alias)
        return plain(alias)

    monkeypatch.setattr(mentions_checks, "alias_pattern", counted)
    return scanned


def test_a_missing_entity_rechecks_its_aliases_only(dataset_copy, monkeypatch):
    mentions = rows_of(dataset_copy, "mentions")
    write_rows(dataset_copy, "mentions", [m for m in mentions if m["entity_id"] != "mexico"])
    scanned = _aliases_scanned(monkeypatch)
    found = _found(dataset_copy)
    asked = len(scanned)
    assert found and found == [f for f in _plain(dataset_copy) if f[0] == CHECK]
    mexico = next(e["aliases"] for e in rows_of(dataset_copy, "entities") if e["entity_id"] == "mexico")
    articles = len(rows_of(dataset_copy, "articles"))
    assert asked <= articles * len(mexico)  # every alias of every article: 5 x 108


@pytest.mark.parametrize("article", ["000_68b95635092649cd", "003_53ec89303f4de55c"])
def test_an_article_whose_id_is_null_is_judged_with_no_covering_span(dataset_copy, article):
    articles = rows_of(dataset_copy, "articles")
    for row in articles:
        if row["article_id"] == article:
            row["article_id"] = None
    _write_nullable(dataset_copy, "articles", articles)
    found = _found(dataset_copy)
    assert any(row_id == "<null>" for _, row_id, _ in found)
    assert [(c, "<null>" if r in ("None", "nan") else r, m) for c, r, m in _plain(dataset_copy) if c == CHECK] == found


TOKENS = ["A", "B", "US", "Maduro", "Nicolás", "x", "é", "-", ""]
SEPARATORS = [" ", " ", "\u00a0", "\u2009", "\u3000"]
ALIASES = [["A B A", "A"], ["US US"], ["Nicolás Maduro", "Maduro"], ["A B A B A B A B A B A B A"], [""]]


@pytest.mark.parametrize("seed", range(40))
def test_the_plain_check_tried_where_the_scan_found_each_alias_is_the_plain_check(seed):
    """Texts of repeated, overlapping spaced aliases ("A B A B A": "A B A" twice, overlapping),
    non-ASCII spaces (an alias with more spellings than are listed goes the whole-text way), an
    alias given twice and the empty alias; random mentions, some of them null or out of range."""
    import random

    import pandas as pd

    rnd = random.Random(seed)
    long_alias = ALIASES[3][0].split(" ")

    def words():
        if rnd.random() < 0.15:  # the long alias, spaced with any separators
            return "".join(w + rnd.choice(SEPARATORS) for w in long_alias)
        return rnd.choice(TOKENS) + rnd.choice(SEPARATORS)

    texts = ["".join(words() for _ in range(rnd.randint(0, 60))) for _ in range(3)]
    starts, ends, ids = [], [], []
    for article, text in enumerate(texts):
        for _ in range(rnd.randint(0, 12)):
            start = rnd.randint(-2, len(text) + 2)
            starts.append(None if rnd.random() < 0.1 else start)
            ends.append(start + rnd.randint(-1, 9))
            ids.append(f"a{article}")
    tables = {
        "articles": pd.DataFrame({"article_id": ["a0", "a1", "a2"], "text": texts}).astype("str"),
        "entities": pd.DataFrame({"entity_id": [f"e{i}" for i in range(len(ALIASES))] + ["twice"],
                                  "aliases": ALIASES + [["US US"]]}),
        "mentions": pd.DataFrame({"article_id": ids, "start": pd.array(starts, dtype="Int64"), "end": pd.array(ends, dtype="Int64")}),
    }
    fast, plain = Report(path="-"), Report(path="-")
    mentions_checks.check_alias_coverage(tables, fast)
    pairs = [(e, a) for e, group in zip(tables["entities"]["entity_id"], tables["entities"]["aliases"]) for a in group]
    for article_id, text in zip(tables["articles"]["article_id"], texts):
        mentions_checks._report_uncovered_aliases(article_id, text, pairs, tables["mentions"], plain)
    assert fast.findings == plain.findings
