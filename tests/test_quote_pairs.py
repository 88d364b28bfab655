"""G2 (2.6): a claim span or a stance's evidence span never breaks a pair of quotation marks. The
false-VALID census on 2.7.0's data found a stance evidence moved one code point left onto its
quotation's opening mark (text re-sliced) validating; `span-breaks-quote-pair` now finds it."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import load, save
from landstrikes.schema.quote_pairs import breaks_a_pair
from landstrikes.schema.validate import validate
from test_attack15_indirect_ends import _extract


def _texts(folder) -> dict[str, str]:
    articles = load(folder, "articles")
    return dict(zip(articles.article_id, articles.text))


def test_every_gold_claim_and_evidence_keeps_its_pairs_and_validates(dataset_copy):
    for table, column in (("claims", "text"), ("stances", "evidence_text")):
        values = load(dataset_copy, table)[column].tolist()
        assert not any(breaks_a_pair(pa.array(values)).to_pylist()), table
    assert validate(dataset_copy).ok


def test_an_evidence_moved_onto_its_quotations_opening_mark_is_a_finding(dataset_copy):
    text = _texts(dataset_copy)
    stances = load(dataset_copy, "stances")
    row = next(i for i, s in stances.iterrows() if text[s.article_id][int(s.evidence_start) - 1] == "“")
    start = int(stances.evidence_start[row]) - 1
    stances.loc[row, ["evidence_start", "evidence_text"]] = [start, text[stances.article_id[row]][start:int(stances.evidence_end[row])]]
    save(dataset_copy, "stances", stances)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"span-breaks-quote-pair"}, report.to_text()
    assert stances.stance_id[row] in report.to_text() and "(G2" in report.to_text()


def test_a_claim_cut_before_its_closing_mark_is_a_finding(dataset_copy):
    """The gold keeps `whom he described as a “sick man.”` whole; cut before the stop and the
    closing mark (its id re-derived), the span opens a pair it does not close."""
    text = _texts(dataset_copy)
    claims = load(dataset_copy, "claims")
    referenced = {i for ids in claims.contradicted_by for i in ids}
    row = next(i for i, c in claims.iterrows() if c.text.endswith(".”") and c.claim_id not in referenced)
    end = int(claims.end[row]) - 2
    article = claims.article_id[row]
    claims.loc[row, ["end", "text", "claim_id"]] = [end, text[article][int(claims.start[row]):end], f"{article}:c:{int(claims.start[row])}-{end}"]
    save(dataset_copy, "claims", claims)
    report = validate(dataset_copy)
    assert "span-breaks-quote-pair" in {f.check for f in report.findings}, report.to_text()
    assert claims.claim_id[row] in report.to_text()


@pytest.mark.parametrize("value, broken", [
    ("they are “running Mexico”", False), ('they are "running Mexico"', False), ("no marks at all", False),
    ("Trump’s remarks", False),  # an apostrophe is no mark
    ("“any unilateral strike", True), ("aggression.”", True), ('they are "running Mexico', True),
    ("“a” and “b", True), (None, None),
    # review20: the marks' order, not only their numbers (a span from inside one quotation into the next)
    ("running Mexico” and “the", True), ("“a “b” c”", False),
    ("„Preise“ stiegen", False), ("„Preise” stiegen", False), ("„Preise stiegen", True),  # „ opens; “ or ” closes it
])
def test_curly_marks_pair_and_straight_marks_come_in_twos(value, broken):
    """validate's rule on Arrow, and the extractor's own copy of it on a str, say the same."""
    from landstrikes.extract.claims import breaks_a_pair as extractor_breaks_a_pair

    assert breaks_a_pair(pa.array([value], pa.string())).to_pylist() == [broken]
    if value is not None:
        assert extractor_breaks_a_pair(value) is broken


def test_a_truncation_artifacts_stray_mark_is_no_finding(dataset_copy):
    """`Consent.”` is the stray half of a pair, and that is what the flag records."""
    flags = load(dataset_copy, "quality_flags")
    assert "Consent.”" in flags.text.tolist()
    assert validate(dataset_copy).ok


def test_the_extractors_claims_keep_their_pairs(tmp_path):
    """A numeric claim inside a quotation: the silver still validates."""
    silver = _extract(tmp_path, "Prices\n\nThe minister said: “Prices rose 12% last year.” Sales fell 40% in May, “a record”, she said.\n")
    report = validate(silver)
    assert report.ok, report.to_text()


@pytest.mark.parametrize("sentence, claim", [
    ("“Prices rose 12% last year.”", "Prices rose 12% last year"),
    ("Sales fell 40% in May, a drop she called “a record”.", "Sales fell 40% in May, a drop she called “a record”"),
    ("Sales fell 40% in May, “a record.”", "Sales fell 40% in May, “a record.”"),
    ('He said "prices rose 12% last year".', 'He said "prices rose 12% last year"'),
])
def test_the_extractor_spans_a_claim_with_its_marks_paired(sentence, claim):
    from landstrikes.extract.claims import find_claims

    text = f"Title\n\n{sentence}\n"
    found = [text[c.start:c.end] for c in find_claims(text)]
    assert found and all(not breaks_a_pair(pa.array([f])).to_pylist()[0] for f in found), found
    assert claim in found, found


def test_a_span_from_inside_one_quotation_into_the_next_is_a_finding(dataset_copy):
    """review20: `urgent.” Mexican Congress ... under the “Ley de Seguridad Nacional` holds one
    opening and one closing mark, so counting them passed it; it breaks two pairs."""
    text = _texts(dataset_copy)
    claims = load(dataset_copy, "claims")
    row = next(i for i, c in claims.iterrows() if c.text.startswith("Mexican Congress must ratify"))
    article = claims.article_id[row]
    start, end = text[article].index("urgent.”"), text[article].index("Nacional.”") + len("Nacional")
    claims.loc[row, ["start", "end", "text", "claim_id"]] = [start, end, text[article][start:end], f"{article}:c:{start}-{end}"]
    save(dataset_copy, "claims", claims)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"span-breaks-quote-pair"}, report.to_text()


def test_the_extractor_keeps_no_claim_running_from_one_quotation_into_the_next(tmp_path):
    """review20: a claim cut from a sentence of two quotations (two dev-news claims were) started
    inside the first and ended inside the second; the extractor now drops it, the silver validates."""
    from landstrikes.extract.claims import find_claims

    sentence = "“The pier is safe,” said Ann Bell of the union, which has some 17,000 porters, “and the ferries will run at dawn.”"
    text = f"Porters\n\n{sentence}\n"
    found = [text[c.start:c.end] for c in find_claims(text)]
    assert not any(breaks_a_pair(pa.array(found, pa.string())).to_pylist()), found
    report = validate(_extract(tmp_path, text))
    assert report.ok, report.to_text()


MARKED = st.text(st.sampled_from(list("“”„\"’'‘«» a1.,")), max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKED, max_size=8))
def test_validate_and_the_extractor_hold_one_rule(values):
    """validate's Arrow pass and the extractor's str rule say the same on any mix of marks."""
    from landstrikes.extract.claims import breaks_a_pair as extractor_breaks_a_pair

    assert breaks_a_pair(pa.array(values, pa.string())).to_pylist() == [extractor_breaks_a_pair(v) for v in values]


def _reference_open_marks(value: str) -> tuple[bool, str]:
    """G2's pair rule as written: read the marks in order, `„` or an unclosed-`„`-less `“` opens, a
    closing mark closes the innermost open one; straight marks come in twos."""
    stack, stray = [], False
    for char in value:
        if char == "„" or (char == "“" and not (stack and stack[-1] == "„")):
            stack.append(char)
        elif char in "“”":
            stray = stray or not stack
            stack = stack[:-1]
    return stray, "".join(stack) + ('"' * (value.count('"') % 2))


@settings(max_examples=400, deadline=None)
@given(MARKED)
def test_the_depth_count_is_the_rule_as_written(value):
    """`open_marks` counts depth in C when no `„` is present (a hostile value of megabytes of marks
    cost seconds of a Python loop); it says what reading the marks one by one says."""
    from landstrikes.schema.mark_pairs import open_marks

    assert open_marks(value) == _reference_open_marks(value)


# Session 20: the text alone cannot tell which straight or single marks pair; the article's own
# pairs (the Q2 pairing the quotes layer is held to) can.

def _one_article_tables(text: str, spans: list[tuple[int, int]]):
    import pandas as pd

    claims = pd.DataFrame({"claim_id": [f"a:c:{s}-{e}" for s, e in spans], "article_id": ["a"] * len(spans),
                           "start": [s for s, _ in spans], "end": [e for _, e in spans], "text": [text[s:e] for s, e in spans]})
    return {"articles": pd.DataFrame({"article_id": ["a"], "text": [text]}), "claims": claims}, pa.Table.from_pandas(claims, preserve_index=False)


def _validate_breaks(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    from landstrikes.schema.quote_pairs import article_pairs_broken

    tables, rows = _one_article_tables(text, spans)
    broken = article_pairs_broken(tables, "claims", rows, ("start", "end", "text"))
    return [row in broken for row in range(len(spans))]


def test_a_span_across_two_straight_quotations_breaks_two_pairs():
    text = 'They are "running Mexico" and "very sad" to watch.'
    across = (text.index("running"), text.index('"very') + len('"very'))
    whole = (text.index('"running'), text.index('sad"') + len('sad"'))
    assert _validate_breaks(text, [across, whole, (0, len(text))]) == [True, False, False]


def test_a_span_holding_a_single_opening_mark_without_its_closing_one_breaks_its_pair():
    text = "He asked: ‘Would you like us to take out the cartels?’ No."
    assert _validate_breaks(text, [(text.index("‘"), text.index("?’")), (text.index("‘"), text.index("’") + 1)]) == [True, False]


def test_a_pair_closed_by_a_paragraph_end_holds_one_mark_and_is_not_judged():
    """Q2: a quotation continued by the next paragraph's opening mark ends with its words."""
    text = "He said: 'We work in shifts, 24 hours a day.\n\n'At first it was hard,' he said.\n"
    assert _validate_breaks(text, [(text.index("'We"), text.index("day.") + 4)]) == [False]


SPANNED = st.text(st.sampled_from(list("\"'‘’“” ab\n.")), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(SPANNED, st.data())
def test_validate_and_the_extractor_judge_article_pairs_alike(text, data):
    """validate's vectorised article-pair rule and the extractor's per-claim one are one rule."""
    from landstrikes.extract.article_pairs import ArticlePairs

    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted).filter(lambda s: s[0] < s[1]).map(tuple), min_size=1, max_size=6))
    pairs = ArticlePairs(text)
    assert _validate_breaks(text, spans) == [bool(pairs.broken(s, e)) for s, e in spans]


@pytest.mark.parametrize("sentence, claim", [
    ("She said ‘have you made $72 million’?", "She said ‘have you made $72 million’"),  # dev news: the closing mark taken in
    ("'At 19 I paid 300 dollars for it. Then it failed.'", "At 19 I paid 300 dollars for it"),  # the lone opening mark left out
    ("Advertised as ‘women only’ at 2 events.", None),
])
def test_the_extractor_mends_a_claim_by_its_articles_pairs(tmp_path, sentence, claim):
    from landstrikes.extract.article_pairs import ArticlePairs
    from landstrikes.extract.claims import find_claims

    text = f"Title\n\n{sentence}\n"
    found = [(c.start, c.end) for c in find_claims(text)]
    assert found and not any(ArticlePairs(text).broken(s, e) for s, e in found), [text[s:e] for s, e in found]
    if claim is not None:
        assert claim in [text[s:e] for s, e in found]
    report = validate(_extract(tmp_path, text))
    assert report.ok, report.to_text()


def test_the_extractor_drops_a_claim_running_from_one_straight_quotation_into_the_next(tmp_path):
    from landstrikes.extract.article_pairs import ArticlePairs
    from landstrikes.extract.claims import find_claims

    text = 'Porters\n\n"The pier is safe," said Ann Bell of the union, which has some 17,000 porters, "and the ferries run."\n'
    found = [(c.start, c.end) for c in find_claims(text)]
    assert not any(ArticlePairs(text).broken(s, e) for s, e in found), [text[s:e] for s, e in found]
    report = validate(_extract(tmp_path, text))
    assert report.ok, report.to_text()


def test_an_indirect_quote_is_judged_by_its_articles_pairs_only():
    """`a "jackass” who` is one pair in Q2's pairing (a curly closing mark closes an open straight
    one) though its text alone reads as two strays: indirect speech is judged against the article."""
    from landstrikes.schema.quote_pairs import article_pairs_broken

    text = 'Smith was a "jackass” who “makes money”, she said. Wilson fired “more than a couple” shots.'
    spans = [(0, text.index(", she")), (text.index("Wilson"), text.index("more"))]
    tables, _ = _one_article_tables(text, spans)
    quotes = tables.pop("claims").rename(columns={"claim_id": "quote_id"}).assign(kind="indirect")
    tables["quotes"] = quotes
    rows = pa.Table.from_pandas(quotes, preserve_index=False)
    assert sorted(article_pairs_broken(tables, "quotes", rows, ("start", "end", "text"))) == [1]


def test_the_extractor_runs_an_indirect_quote_to_its_partial_quotations_closing_mark(tmp_path):
    """Dev news: `<Name> fired “` stopped at the opening mark (the quoted words are blanks where
    the clause is found); the clause now runs to the closing mark in its paragraph (Q1)."""
    from landstrikes.extract.entities import find_mentions
    from landstrikes.extract.quotes import find_quotes

    text = "Shots\n\nSheriff Ann Kerr said that Lane fired “rather more than a few [of rounds]” but gave no other details.\n"
    indirect = [text[q.start:q.end] for q in find_quotes(text, find_mentions(text)) if q.kind == "indirect"]
    assert "Lane fired “rather more than a few [of rounds]”" in indirect, indirect
    report = validate(_extract(tmp_path, text))
    assert report.ok, report.to_text()
