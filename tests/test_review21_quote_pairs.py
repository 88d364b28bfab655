"""review21: the article-pair reading of `span-breaks-quote-pair` (session 20) attacked.

- Its cost grew with rows times marks: each breaking row listed every mark inside its span to
  name one broken pair, so 6,000 claims over a 400 KB article of straight-quoted words took
  seconds (8,000 took 23 s of a 59 s validate). The pair is now read off the least and greatest
  partner, as the rule itself is.
- The pair it names must be one the span breaks (the plain rule: one mark inside, one outside)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema.caption_lines import MARK_CHARACTERS
from landstrikes.schema.quote_pairs import article_pairs_broken


def _claims(texts: list[str], rows: list[tuple[int, int, int]]):
    claims = pd.DataFrame({"claim_id": [f"a{a}:c:{s}-{e}" for a, s, e in rows], "article_id": [f"a{a}" for a, _, _ in rows],
                           "start": [s for _, s, _ in rows], "end": [e for _, _, e in rows],
                           "text": [texts[a][s:e] for a, s, e in rows]})
    tables = {"articles": pd.DataFrame({"article_id": [f"a{a}" for a in range(len(texts))], "text": texts}), "claims": claims}
    return tables, pa.Table.from_pandas(claims, preserve_index=False)


def _pairs_broken(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """The rule as plainly as it can be said: a two-mark pair (Q2) with one mark in the span."""
    return {(p.open, p.close) for p in scan_quote_marks(text)[0]
            if p.close < len(text) and text[p.close] in MARK_CHARACTERS
            and (start <= p.open < end) != (start <= p.close < end)}


_TEXT = st.text(st.sampled_from(list("\"'‘’“” ab\n.é😀")), min_size=1, max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=3), st.data())
def test_the_pair_named_is_one_the_span_breaks(texts, data):
    rows = []
    for a, text in enumerate(texts):
        for _ in range(data.draw(st.integers(0, 4))):
            start = data.draw(st.integers(0, len(text) - 1))
            rows.append((a, start, data.draw(st.integers(start + 1, len(text)))))
    tables, table = _claims(texts, rows)
    broken = article_pairs_broken(tables, "claims", table, ("start", "end", "text"))
    for row, (a, start, end) in enumerate(rows):
        plain = _pairs_broken(texts[a], start, end)
        assert (row in broken) == bool(plain), (texts[a], start, end)
        if plain:
            assert broken[row] in plain, (texts[a], start, end, broken[row], plain)


def test_many_spans_over_an_article_of_marks_each_name_a_pair_they_break():
    """Rows x marks: every row holds almost every mark of the article and breaks two pairs. What
    this costs as rows and marks grow is measured by benchmarks/quote_pairs_cost.py (speed lives
    in benchmarks, never in a timed unit test); here, that each row names a pair it breaks."""
    text = '"a" ' * 2_000
    rows = [(0, 1, len(text) - 1 - i % 100) for i in range(300)]
    tables, table = _claims([text], rows)
    broken = article_pairs_broken(tables, "claims", table, ("start", "end", "text"))
    assert len(broken) == len(rows)
    for row, (_, start, end) in enumerate(rows):
        assert broken[row] in _pairs_broken(text, start, end)


def _findings(text: str, spans: list[str], table: str = "claims") -> list[str]:
    from landstrikes.schema.quote_pairs import check_quote_pairs
    from landstrikes.schema.report import Report

    rows = [(0, text.index(s), text.index(s) + len(s)) for s in spans]
    tables, _ = _claims([text], rows)
    if table == "stances":
        tables["stances"] = tables.pop("claims").rename(columns={"claim_id": "stance_id", "start": "evidence_start",
                                                                "end": "evidence_end", "text": "evidence_text"})
    report = Report("x")
    check_quote_pairs(tables, report)
    return [f.value for f in report.findings if f.check == "span-breaks-quote-pair"]


MIXED = 'Smith said 12 officers were "jackasses” who earned $40,000, she said. Bell called it "a lie" twice.'


def test_a_claim_holding_a_mixed_pair_whole_breaks_no_pair():
    """Q2 pairs a straight opening mark with a curly closing one (`"jackasses”`), and the indirect
    quote over these very words validates; the claim over them was refused by the text reading
    (an odd straight mark, a stray `”`): a false alarm on a sound table."""
    whole = '12 officers were "jackasses” who earned $40,000'
    assert _findings(MIXED, [whole]) == []
    assert _findings(MIXED, [whole], "stances") == []


def test_a_claim_holding_half_a_mixed_pair_still_breaks_it():
    assert len(_findings(MIXED, ['12 officers were "jackasses', 'jackasses” who earned $40,000',
                                 '"jackasses” who earned $40,000, she said. Bell called it "a'])) == 3
