"""attack10: check_spans on hostile offsets and texts gives the findings of G1's plain definition.

A span is all null or all set; start <= end; end within its article; start not negative; its
text is `article_text[start:end]`. validate compares span texts without per-row copies (the
numbers and offsets themselves when every row is compared, in-place byte positions and view
widths: every_table_checks.check_spans, spantext, codepoints). Each case is written as Parquet
tables and validated; tests/rowcorpus.py words the plain findings row by row.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rowcorpus import CODE_POINT_INDEXES, assert_span_rules_hold, plain_spans, write

from landstrikes.schema import codepoints, spantext
from landstrikes.schema import validate

INT64 = (-2**63, 2**63 - 1)


def _article(article_id, text):
    return {"article_id": article_id, "text": text}


def _spans(table, article_id, triples):
    """Rows of a (start, end, text) span table; text None/"slice" as given."""
    id_column = {"mentions": "mention_id", "segments": "segment_id", "quality_flags": "flag_id", "claims": "claim_id"}[table]
    return [{id_column: f"{table[:1]}{i}", "article_id": article_id, "start": s, "end": e, "text": t} for i, (s, e, t) in enumerate(triples)]


def _validated(tmp_path, rows):
    return validate(write(tmp_path / "corpus", rows))


def _every_slice(text):
    """Every span of a text with its exact slice: all rows are compared (the no-copy path)."""
    return [(s, e, text[s:e]) for s in range(len(text) + 1) for e in range(s, len(text) + 1)]


TEXTS = {
    "ends-in-a-2-byte-character": "Ab é",
    "ends-in-a-3-byte-character": "Ab €",
    "ends-in-a-4-byte-character": "Ab 🜁",
    "all-multibyte": "é€🜁漢\u0301",
    "one-character": "x",
    "one-astral-character": "🜁",
    "ascii-only": "Trump said so.",
    "mostly-ascii-ending-in-astral": "Plain words here, " * 3 + "🜁",
}


@pytest.mark.parametrize("text", list(TEXTS.values()), ids=list(TEXTS))
def test_every_exact_span_of_a_text_passes_and_every_one_off_text_is_a_mismatch(tmp_path, text):
    """All rows compared at once (numbers and offsets passed themselves), then every row's text
    replaced by its neighbour's: the mismatches are exactly the rows whose slices differ."""
    exact = _every_slice(text)
    shifted = [(s, e, exact[(i + 1) % len(exact)][2]) for i, (s, e, _) in enumerate(exact)]
    for name, triples in (("exact", exact), ("shifted", shifted)):
        rows = {"articles": [_article("a1", text), _article("a2", "Tail é€🜁")], "mentions": _spans("mentions", "a1", triples)}
        report = validate(write(tmp_path / name, rows))
        assert_span_rules_hold(report, rows)
    assert plain_spans(rows).findings  # the shifted texts do differ


HOSTILE_OFFSETS = [
    (-1, 2, "Ab"), (0, 99, "Ab"), (3, 2, ""), (None, 2, "Ab"), (0, None, None), (None, None, None),
    (INT64[0], 0, ""), (0, INT64[1], "Ab"), (INT64[0], INT64[1], "Ab"), (INT64[1], INT64[0], ""), (INT64[1], INT64[1], ""),
    (2**31, 2**31 + 2, "Ab"), (2**32, 2**32, ""), (0, 0, ""), (0, 0, None), (0, 2, "Ab"), (0, 2, "AB"), (4, 4, ""),
    (0, 4, "Ab é"), (0, 4, "Ab e"), (3, 4, "é"), (4, 5, ""),
]


@pytest.mark.parametrize("last", [True, False], ids=["article-last", "article-first"])
def test_negative_null_reversed_int64_and_past_the_end_offsets(tmp_path, last):
    """Offsets of every hostile kind in one table (so rows are dropped before the comparison: the
    copying path), in the article at the end of the text buffer and at its start."""
    articles = [_article("a2", "Other é text"), _article("a1", "Ab é")]
    rows = {"articles": articles if last else articles[::-1], "mentions": _spans("mentions", "a1", HOSTILE_OFFSETS),
            "segments": _spans("segments", "gone", [(0, 2, "Ab"), (None, 1, "x")])}
    assert_span_rules_hold(_validated(tmp_path, rows), rows)


def test_every_row_dropped_before_the_comparison(tmp_path):
    """No row is left to compare (all reversed, past the end, negative, null or of no article)."""
    rows = {"articles": [_article("a1", "Ab é")],
            "mentions": _spans("mentions", "a1", [(3, 2, ""), (0, 9, "x"), (-1, 1, "A"), (None, None, None)]),
            "segments": _spans("segments", "gone", [(0, 2, "Ab")])}
    report = _validated(tmp_path, rows)
    assert_span_rules_hold(report, rows)
    assert not [f for f in report.findings if f.check == "span-text-mismatch"]


def test_empty_articles_and_spans_on_them(tmp_path):
    rows = {"articles": [_article("a1", ""), _article("a2", "é"), _article("a3", "")],
            "mentions": _spans("mentions", "a1", [(0, 0, ""), (0, 1, "x"), (-1, 0, ""), (0, 0, "x")]),
            "claims": _spans("claims", "a3", [(0, 0, ""), (1, 1, "")])}
    assert_span_rules_hold(_validated(tmp_path, rows), rows)


def test_an_article_id_twice_points_into_its_last_row_and_a_missing_article_into_none(tmp_path):
    rows = {"articles": [_article("a1", "first text é"), _article("a2", "x"), _article("a1", "last")],
            "mentions": _spans("mentions", "a1", [(0, 4, "last"), (0, 5, "first"), (6, 10, "text"), (0, 4, "firs")]),
            "quality_flags": _spans("quality_flags", "gone", [(0, 4, "last"), (9, 2, "")])}
    assert_span_rules_hold(_validated(tmp_path, rows), rows)


def test_tables_with_zero_rows_and_a_corpus_without_articles(tmp_path):
    rows = {"articles": [], "mentions": _spans("mentions", "a1", [(0, 1, "x"), (None, 1, "x")])}
    assert_span_rules_hold(validate(write(tmp_path / "no-articles", rows)), rows)
    rows = {"articles": [_article("a1", "x")]}
    assert_span_rules_hold(validate(write(tmp_path / "no-spans", rows)), rows)


def test_spans_across_the_chunk_edges_of_the_dense_index(tmp_path):
    """Text full of multi-byte characters takes the chunked code-point index; with chunks of 5
    bytes every character of 2-4 bytes sits across an edge somewhere."""
    text = "é€🜁漢x" * 3
    other = "🜁🜁 Ab"
    rows = {"articles": [_article("a0", other), _article("a1", text)],
            "mentions": _spans("mentions", "a1", _every_slice(text)[::3] + [(2, 5, "🜁漢y"), (14, 15, "é")])}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(codepoints, "_CHUNK", 5)
        report = _validated(tmp_path, rows)
    assert_span_rules_hold(report, rows)


TOKENS = ["a", "b", " ", "é", "€", "🜁", "漢", "\u0301", "\u00a0"]
OFFSET = st.one_of(st.none(), st.integers(-2, 9), st.sampled_from([*INT64, 2**31, 2**32]))


@st.composite
def span_corpora(draw):
    articles = [_article(a, "".join(t)) for a, t in draw(st.lists(st.tuples(
        st.sampled_from(["a1", "a2", "a3"]), st.lists(st.sampled_from(TOKENS), max_size=9)), max_size=3))]
    rows = {"articles": articles}
    for table in ("mentions", "segments"):
        triples = []
        for _ in range(draw(st.integers(0, 6))):
            start, end = draw(OFFSET), draw(OFFSET)
            own = [a["text"] for a in articles if a["article_id"] == "a1"]
            exact = own and start is not None and end is not None and 0 <= start <= end and draw(st.booleans())
            triples.append((start, end, own[-1][start:end] if exact else draw(st.sampled_from([None, "", "a", "é", "🜁"]))))
        rows[table] = _spans(table, draw(st.sampled_from(["a1", "a2", "gone"])), triples)
    return rows


@pytest.mark.parametrize("index", list(CODE_POINT_INDEXES))
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=span_corpora())
def test_span_findings_hold_on_generated_corpora_with_either_index(tmp_path_factory, index, rows):
    """The article cells a corpus does not set keep the table's rules (`sound_articles`, as in
    attack10_names' property); the fixed cases above keep the rule-breaking filler."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spantext, "code_point_index", CODE_POINT_INDEXES[index])
        patch.setattr(codepoints, "_CHUNK", 5)
        patch.setattr(spantext, "_ROWS", 2)  # views built two rows at a time
        report = validate(write(tmp_path_factory.mktemp("spans"), rows, sound_articles=True))
    assert_span_rules_hold(report, rows)
