"""The fast forms of validate's text passes (issue 19, branch validate-text) find exactly what
their plain definitions find, on generated texts and spans: astral characters, combining marks,
empty texts, spans at offset 0 and at the end, duplicated and null article ids."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema import aliasscan, spantext
from landstrikes.schema.quotes_checks import check_quote_mark_coverage
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts, span_text_equal
from test_text_scans import ALIASES, WORDS, corpus_alias_occurrences, plain_alias_occurrences

PIECES = ["a", "b", " ", "\n", "é", "e\u0301", "🜁", "漢", "Ⅻ", "\u00a0", "’", "“", "”", '"', "'", "0123456789ab"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@st.composite
def texts_and_spans(draw):
    """Articles, and spans into them (offset 0, the end, empty spans included) each with either
    the article's own slice or a text that differs from it in one character or in length."""
    texts = draw(st.lists(TEXT, min_size=1, max_size=4))
    spans = []
    for _ in range(draw(st.integers(0, 25))):
        article = draw(st.integers(0, len(texts) - 1))
        n = len(texts[article])
        start = draw(st.sampled_from([0, n, *range(n + 1)]))
        end = draw(st.sampled_from([start, n, *range(start, n + 1)]))
        text = texts[article][start:end]
        change = draw(st.sampled_from(["same", "same", "char", "longer", "shorter"]))
        if change == "char" and text:
            k = draw(st.integers(0, len(text) - 1))
            text = text[:k] + ("x" if text[k] != "x" else "y") + text[k + 1 :]
        elif change == "longer":
            text += draw(st.sampled_from(PIECES))
        elif change == "shorter" and text:
            text = text[:-1]
        spans.append((article, start, end, text))
    return texts, spans


@settings(max_examples=200, deadline=None)
@given(texts_and_spans())
def test_span_views_compare_like_python_slices(case):
    texts, spans = case
    index = ArticleTexts(pa.array(texts))
    article, start, end, text = (list(column) for column in zip(*spans)) if spans else ([], [], [], [])
    import numpy as np

    found = span_text_equal(index, np.array(article, dtype=np.int64), np.array(start, dtype=np.int64), np.array(end, dtype=np.int64), pa.array(text, pa.string()))
    assert found.tolist() == [texts[a][s:e] == t for a, s, e, t in spans]
    sliced = index.slices(np.array(article, dtype=np.int64), np.array(start, dtype=np.int64), np.array(end, dtype=np.int64))
    assert sliced.to_pylist() == [texts[a][s:e] for a, s, e, _ in spans]


def test_span_views_inline_twelve_bytes_and_point_at_longer_ones():
    """Arrow compares views by their 16 bytes first: inline strings must be zero-padded exactly."""
    text = "🜁abc" + "x" * 20  # a 4-byte character, so 12-byte windows start mid-way
    index = ArticleTexts(pa.array([text]))
    import numpy as np

    starts = np.array([0, 0, 1, 0, 5, 20, 24], dtype=np.int64)
    ends = np.array([0, 9, 13, 24, 17, 24, 24], dtype=np.int64)
    views = index.slices(np.zeros(len(starts), dtype=np.int64), starts, ends)
    assert views.to_pylist() == [text[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
    assert views.equals(pa.array([text[s:e] for s, e in zip(starts.tolist(), ends.tolist())], pa.string_view()))


@pytest.mark.parametrize("dfa_bytes", [0, 1 << 40], ids=["nfa", "dfa"])
@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=20).map(lambda w: "".join(x + y for x, y in zip(w, [" ", ""] * 20))), min_size=1, max_size=3))
def test_alias_scan_finds_the_whole_word_occurrences_with_either_automaton(dfa_bytes, texts):
    original = aliasscan._DFA_PATTERN_BYTES
    aliasscan._DFA_PATTERN_BYTES = dfa_bytes
    try:
        assert corpus_alias_occurrences(texts, ALIASES) == plain_alias_occurrences(texts, ALIASES)
    finally:
        aliasscan._DFA_PATTERN_BYTES = original


def test_the_automaton_finds_every_pattern_below_and_above_the_dfa_bound(monkeypatch):
    monkeypatch.setattr(aliasscan, "_DFA_PATTERN_BYTES", 10)
    small, large = aliasscan.automaton([b"abc"]), aliasscan.automaton([b"abcdefghijk"])
    assert small.find_matches_as_indexes(b"xabc", overlapping=True) == [(0, 1, 4)]
    assert large.find_matches_as_indexes(b"abcdefghijk", overlapping=True) == [(0, 0, 11)]


# --- quotation-mark coverage on integer article keys -------------------------------------------

KINDS = ["direct", "partial", "scare", "orphan", "indirect"]


def plain_mark_findings(articles: pd.DataFrame, quotes: pd.DataFrame) -> list[tuple]:
    """Q2 by its definition, joined on the article id strings, article by article with
    `scan_quote_marks`: every pair of marks is exactly one direct/partial/scare row and every
    such row is a pair; every stray mark is touched by exactly one orphan and every orphan
    touches a stray mark. Two articles with one id are one key (their marks add up); a null id
    matches no row. (check, row id, count) in report order."""
    ids = [None if pd.isna(i) else i for i in articles["article_id"]]
    known = quotes[quotes["article_id"].isin([i for i in ids if i is not None])]
    marked = known[known["kind"].isin(["direct", "partial", "scare"])]
    orphans = known[known["kind"] == "orphan"]
    rows = [(a, int(s), int(e)) for a, s, e in zip(marked["article_id"], marked["start"], marked["end"])]
    pairs, strays = [], []
    for article_id, text in zip(ids, articles["text"]):
        found_pairs, found_strays = scan_quote_marks(text)
        pairs += [(article_id, p.open + 1, p.close) for p in sorted(found_pairs, key=lambda p: p.open)]
        strays += [(article_id, s.position, s.opens) for s in sorted(found_strays, key=lambda s: s.position)]
    out = [("quote-mark-coverage", a, rows.count((a, s, e))) for a, s, e in pairs if rows.count((a, s, e)) != 1]
    out += [("quote-without-marks", qid, None) for qid, row in zip(marked["quote_id"], rows) if row not in pairs]
    spans = set(zip(orphans["article_id"], orphans["start"].astype(int), orphans["end"].astype(int)))

    def touching(article_id, position, opens):
        return {s for s in spans if article_id is not None and s[0] == article_id and (s[1] == position + 1 if opens else s[2] == position)}

    for article_id, position, _ in strays:  # every stray of that key and position counts its touches
        count = sum(len(touching(a, p, o)) for a, p, o in strays if a == article_id and a is not None and p == position)
        if count != 1:
            out.append(("quote-mark-coverage", article_id, count))
    claimed = set().union(*(touching(*stray) for stray in strays))
    out += [("orphan-without-stray-mark", qid, None) for qid, a, s, e in zip(orphans["quote_id"], orphans["article_id"], orphans["start"], orphans["end"])
            if (a, int(s), int(e)) not in claimed]
    return out


def fast_mark_findings(articles: pd.DataFrame, quotes: pd.DataFrame) -> list[tuple]:
    report = Report("generated")
    check_quote_mark_coverage({"articles": articles, "quotes": quotes}, report)
    counted = []
    for f in report.findings:
        count = int(f.message.split(" by ")[1].split()[0]) if f.check == "quote-mark-coverage" else None
        counted.append((f.check, None if f.row_id in ("", "<null>") else f.row_id, count))
    return counted


MARKED_TEXT = st.lists(st.sampled_from(["a", " ", "“", "”", '"', "‘", "’", "'", "\n", "é", "🜁"]), max_size=24).map("".join)


@st.composite
def articles_and_quotes(draw):
    """Articles whose ids repeat or are null, and quote rows at their mark pairs (or near them)."""
    n = draw(st.integers(1, 4))
    ids = [draw(st.sampled_from(["A", "B", "C", None])) for _ in range(n)]
    texts = [draw(MARKED_TEXT) for _ in range(n)]
    rows = []
    for k in range(draw(st.integers(0, 12))):
        number = draw(st.integers(0, n - 1))
        pairs, strays = scan_quote_marks(texts[number])
        spots = [(p.open + 1, p.close) for p in pairs] + [(s.position + 1, s.position + 2) for s in strays if s.opens]
        spots += [(max(s.position - 1, 0), s.position) for s in strays if not s.opens]
        start, end = draw(st.sampled_from(spots)) if spots and draw(st.booleans()) else (draw(st.integers(0, 5)), draw(st.integers(5, 9)))
        article_id = ids[number] if ids[number] is not None else draw(st.sampled_from(["A", "Z"]))
        rows.append((f"q{k}", article_id, draw(st.sampled_from(KINDS)), start, end))
    articles = pd.DataFrame({"article_id": pd.array(ids, dtype="str"), "text": texts})
    quotes = pd.DataFrame(rows, columns=["quote_id", "article_id", "kind", "start", "end"]).astype({"quote_id": "str", "article_id": "str", "kind": "str", "start": "Int64", "end": "Int64"})
    return articles, quotes


@settings(max_examples=150, deadline=None)
@given(articles_and_quotes())
def test_mark_coverage_on_integer_keys_finds_what_joining_on_id_strings_finds(case):
    articles, quotes = case
    assert fast_mark_findings(articles, quotes) == plain_mark_findings(articles, quotes)


# --- article columns derived from the text: only suspect rows go through the rules -------------


def plain_derived_findings(articles: pd.DataFrame) -> list[tuple]:
    """n_words is `len(text.split())` and source_file is the id plus '.txt', row by row."""
    out = []
    for article_id, text, n_words, source_file in zip(articles["article_id"], articles["text"], articles["n_words"], articles["source_file"]):
        if isinstance(text, str) and not pd.isna(n_words) and int(n_words) != len(text.split()):
            out.append((article_id if isinstance(article_id, str) else "<null>", "n_words", str(n_words)))
        if isinstance(source_file, str) and isinstance(article_id, str) and source_file != f"{article_id}.txt":
            out.append((article_id, "source_file", source_file))
    return out


@st.composite
def derived_articles(draw):
    n = draw(st.integers(1, 6))
    ids = [draw(st.sampled_from(["a", "b", "c", None])) for _ in range(n)]
    texts = [draw(st.one_of(st.none(), TEXT)) for _ in range(n)]
    counts = [draw(st.one_of(st.none(), st.integers(-1, 12), st.just(len(t.split()) if t else 0))) for t in texts]
    files = [draw(st.one_of(st.none(), st.sampled_from(["a.txt", "b.txt", "x.txt", "a"]), st.just(f"{i}.txt"))) for i in ids]
    as_objects = draw(st.booleans())  # plain object columns (a frame built by hand) take the same rules
    dtypes = {"n_words": "object"} if as_objects else {"article_id": "str", "n_words": "Int64", "source_file": "str"}
    return pd.DataFrame({"article_id": ids, "text": texts, "n_words": counts, "source_file": files}).astype(dtypes)


@settings(max_examples=200, deadline=None)
@given(derived_articles())
def test_article_derived_checks_only_suspect_rows_and_finds_what_every_row_finds(articles):
    from landstrikes.schema.articles_derived import check_article_derived

    report = Report("generated")
    check_article_derived({"articles": articles}, report)
    assert [(f.row_id, f.column, f.value) for f in report.findings] == plain_derived_findings(articles)


def test_two_articles_with_one_id_and_the_same_marks_are_findings_not_a_crash(tmp_path):
    """Before the integer keys, a quote row at a pair of marks that two rows of one article id
    both hold made the quote-mark join longer than its rows: check-crashed (IndexError)."""
    import shutil
    from pathlib import Path

    from arrowbreak import read, write
    from landstrikes.schema import validate

    shutil.copytree(Path(__file__).resolve().parent.parent / "dataset" / "data", tmp_path / "data")
    articles = read(tmp_path, "articles")
    write(tmp_path, "articles", pa.concat_tables([articles, articles.slice(0, 1)]))
    report = validate(tmp_path)
    checks = {f.check for f in report.findings}
    assert "check-crashed" not in checks, [f.message for f in report.findings if f.check == "check-crashed"]
    assert report.findings and not report.ok
