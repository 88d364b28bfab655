"""Guideline rules a single row can break while ids, spans and keys check out (attack5): each is a
finding, and each keeps real annotations (the gold, the extractor's output) valid.
End to end on copies of the gold: tests/test_open_false_valids.py."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.guideline_rules import (
    check_empty_spans, check_pronoun_mentions, check_quantity_unit_words, check_quantity_units, check_record_notes, check_speakers_can_speak,
)
from landstrikes.schema.report import Report

ENTITIES = pd.DataFrame({
    "entity_id": ["washington-dc", "donald-trump", "mexico", "fox-interview", "usmca"],
    "name": ["Washington, D.C.", "Donald Trump", "Mexico", "Fox News interview", "USMCA"],
    "type": ["GPE", "PERSON", "GPE", "EVENT", "LAW"],
    "aliases": [[], ["Trump", "Donald Trump"], ["Mexico"], [], ["USMCA"]],
    "flag": ["none"] * 5, "flag_note": [None] * 5,
})


def findings(check, **tables):
    report = Report(path="x")
    check({"entities": ENTITIES, **tables}, report)
    return [(f.check, f.row_id, f.column) for f in report.findings]


def mentions(*rows):
    """Mention rows (id, entity, kind, text) and the one article whose slices they are."""
    body, spans = "", []
    for *_, text in rows:
        body += " " if body else ""
        spans.append((len(body), len(body) + len(text)))
        body += text
    frame = pd.DataFrame(rows, columns=["mention_id", "entity_id", "kind", "text"])
    frame["article_id"], frame["start"], frame["end"] = "a", [s for s, _ in spans], [e for _, e in spans]
    return {"mentions": frame, "articles": pd.DataFrame({"article_id": ["a"], "text": [body]})}


@pytest.mark.parametrize("text", ["he", "She", "HIM", "they", "its", "I", "who"])
def test_a_pronoun_mention_that_is_a_pronoun_passes(text):
    assert findings(check_pronoun_mentions, **mentions(("m1", "donald-trump", "PRONOUN", text))) == []


@pytest.mark.parametrize("text", ["Trump", "the president", "hes", ""])
def test_a_pronoun_mention_that_is_no_pronoun_is_named(text):
    assert findings(check_pronoun_mentions, **mentions(("m1", "donald-trump", "PRONOUN", text))) == [
        ("pronoun-not-a-pronoun", "m1", "kind")]


def test_a_pronoun_mention_whose_text_is_not_its_slice_is_left_to_span_text_mismatch():
    """One slip, one finding: a text that is not the article slice is span-text-mismatch's."""
    rows = mentions(("m1", "donald-trump", "PRONOUN", "he"))
    rows["mentions"].loc[0, "text"] = "Mexico"
    assert findings(check_pronoun_mentions, **rows) == []


def quotes(speaker_id, speaker_ids):
    return pd.DataFrame({"quote_id": ["q0", "q1"], "speaker_id": ["donald-trump", speaker_id],
                         "speaker_ids": [["donald-trump"], speaker_ids]})


def test_a_person_country_or_nobody_speaks():
    assert findings(check_speakers_can_speak, quotes=quotes("mexico", ["mexico"])) == []
    assert findings(check_speakers_can_speak, quotes=quotes(None, [])) == []


def test_an_extractor_speaker_typed_as_a_law_is_a_proposal_not_a_finding():
    rows = quotes("usmca", ["usmca"]).assign(source=["auto", "auto"])
    assert findings(check_speakers_can_speak, quotes=rows) == []


@pytest.mark.parametrize("speaker", ["fox-interview", "usmca"])
def test_an_event_or_a_law_as_speaker_is_named_in_each_column(speaker):
    assert findings(check_speakers_can_speak, quotes=quotes(speaker, ["donald-trump", speaker])) == [
        ("speaker-cannot-speak", "q1", "speaker_id"), ("speaker-cannot-speak", "q1", "speaker_ids")]


def claims(low, high, unit, bound, source="gold"):
    return pd.DataFrame({"claim_id": ["c0", "c1"], "quantity_low": [35.0, low], "quantity_high": [35.0, high],
                         "quantity_unit": ["boats", unit], "quantity_bound": ["at_least", bound], "source": ["gold", source]})


def test_an_annotated_unit_outside_the_vocabulary_is_named_and_the_extractor_nouns_are_exempt():
    assert findings(check_quantity_units, claims=claims(3.0, 3.0, "bananas", "exact")) == [("quantity-unit-unknown", "c1", "quantity_unit")]
    assert findings(check_quantity_units, claims=claims(3.0, 3.0, "bananas", "exact", source="auto")) == []
    assert findings(check_quantity_units, claims=claims(None, None, None, None)) == []


def test_a_record_status_other_than_unknown_needs_its_note_for_clusters_and_variants():
    clusters = pd.DataFrame({
        "cluster_id": ["k0", "k1", "k2"],
        "record_status": ["unknown", "matches", "contradicts"],
        "record_note": [None, "", "a wrong date"],
        "variant_record_statuses": [[], ["unknown", "contradicts"], ["matches", "unknown"]],
        "variant_record_notes": [[], [None, None], ["the record says so", None]],
    })
    assert findings(check_record_notes, claim_clusters=clusters) == [
        ("record-note-missing", "k1", "record_note"), ("record-note-missing", "k1", "variant_record_notes")]


def _every_span_but_a_quotes_own():
    from landstrikes.schema.registry import TABLES

    return [(spec.name, spec.id_column, start, end) for spec in TABLES for start, end, _ in spec.span_columns
            if (spec.name, start) != ("quotes", "start")]


@pytest.mark.parametrize("table, id_column, start, end", _every_span_but_a_quotes_own())
def test_an_empty_span_is_named_wherever_the_schema_has_a_span(table, id_column, start, end):
    """Every span column pair of every table (stance evidence and quote cues included: an empty
    evidence span was VALID) holds text; a span column added later is judged without a new list."""
    rows = pd.DataFrame({id_column: ["a", "b"], start: [0, 7], end: [4, 7]})
    assert findings(check_empty_spans, **{table: rows}) == [("empty-span", "b", end)]


def test_every_span_of_the_schema_is_judged_for_its_edges_and_words_but_the_documented_exemptions():
    """span-edge-whitespace and span-splits-word list their spans by hand (each with a row
    filter): a new span column must be added there or exempted here, on purpose (attack7 found
    the speaker words missing from both)."""
    from landstrikes.schema import span_edges, span_words

    tiling = {("segments", "start")}  # segments tile the text: whitespace and word edges are theirs to keep
    listed = {(table, triple[0]) for table, triple, _ in span_edges.SPANS}
    assert listed == {(t, s) for t, _, s, _ in _every_span_but_a_quotes_own()} - tiling | {("quotes", "start")}
    assert {(table, triple[0]) for table, triple, _ in span_words.SPANS} == listed


def test_an_empty_quote_span_is_left_to_the_mark_rules():
    """Q2: an empty pair of marks, and a mark ending its paragraph, have empty rows of their own."""
    rows = pd.DataFrame({"quote_id": ["a"], "start": [7], "end": [7]})
    assert findings(check_empty_spans, quotes=rows) == []


def nested_quotes(*rows):
    """Quote rows (id, article, kind, start, end, parent) as a frame."""
    return {"quotes": pd.DataFrame(rows, columns=["quote_id", "article_id", "kind", "start", "end", "parent_quote_id"])}


def test_a_quotation_inside_another_without_a_parent_is_a_finding():
    from landstrikes.schema.guideline_rules import check_nested_quote_parents

    assert findings(check_nested_quote_parents, **nested_quotes(
        ("outer", "a", "direct", 10, 90, None), ("inner", "a", "direct", 20, 40, None),
        ("kept", "a", "partial", 50, 60, "outer"),
    )) == [("parent-quote-missing", "inner", "parent_quote_id")]


@pytest.mark.parametrize("other", [
    ("o", "a", "orphan", 0, 100, None),  # an orphan is a lone mark's run of text, not a quotation (Q1)
    ("o", "a", "direct", 20, 40, None),  # the same span: a twin, not an enclosing quote
    ("o", "b", "direct", 0, 100, None),  # another article
    ("o", "a", "direct", 25, 100, None),  # overlapping, not enclosing
])
def test_a_quote_not_inside_another_quotation_needs_no_parent(other):
    from landstrikes.schema.guideline_rules import check_nested_quote_parents

    assert findings(check_nested_quote_parents, **nested_quotes(("q", "a", "indirect", 20, 40, None), other)) == []


def test_the_enclosure_sweep_agrees_with_the_definition_on_many_spans():
    """Every pair compared directly, on random spans in three articles (duplicates included)."""
    import random

    from landstrikes.schema.guideline_rules import check_nested_quote_parents

    rng = random.Random(7)
    rows = []
    for n in range(400):
        start = rng.randrange(0, 60)
        rows.append((f"q{n}", rng.choice("abc"), rng.choice(["direct", "partial", "scare", "indirect", "orphan"]),
                     start, start + rng.randrange(0, 30), None))
    expected = sorted(
        q for q, art, kind, s, e, _ in rows if kind != "orphan" and any(
            a2 == art and k2 != "orphan" and s2 <= s and e <= e2 and (s2, e2) != (s, e) for _, a2, k2, s2, e2, _ in rows))
    found = sorted(row for _, row, _ in findings(check_nested_quote_parents, **nested_quotes(*rows)))
    assert found == expected and expected


def _enclosed_by_definition(rows) -> list[str]:
    """Q4 read literally: a quotation whose span lies inside another quotation's distinct span of its article."""
    quoting = [r for r in rows if r[2] != "orphan" and r[1] is not None]
    return sorted(q for q, art, _, s, e, parent in quoting if parent is None and any(
        a2 == art and s2 <= s and e <= e2 and (s2, e2) != (s, e) for _, a2, _, s2, e2, _ in quoting))


_HUGE = 2**62


@given(st.lists(st.tuples(st.sampled_from([None, "a", "b", "c", "d", "e", "f"]),
                          st.sampled_from(["direct", "partial", "scare", "indirect", "orphan"]),
                          st.sampled_from([0, 1, 2, 5, _HUGE - 1, _HUGE]), st.sampled_from([0, 1, 3, 7, _HUGE, 2**63 - 1]),
                          st.sampled_from([None, "p"])), max_size=12))
@settings(max_examples=300, deadline=None)
def test_parents_are_required_exactly_where_the_definition_says_at_any_offset_in_any_article(spec):
    """attack6: with an end near 2**62 the sweep's article-keyed ends overflowed int64, and quotes
    of later articles (even identical spans in two articles) were flagged: 68 findings where 12 held."""
    from landstrikes.schema.guideline_rules import check_nested_quote_parents

    rows = [(f"q{n}", art, kind, start, start + length if start + length < 2**63 else 2**63 - 1, parent)
            for n, (art, kind, start, length, parent) in enumerate(spec)]
    found = sorted(row for _, row, _ in findings(check_nested_quote_parents, **nested_quotes(*rows)))
    assert found == _enclosed_by_definition(rows)


@pytest.mark.parametrize("dtype", ["int8", "int32", "uint32", "uint64", "Int64"])
def test_offsets_of_another_integer_type_are_judged_as_int64(dtype):
    """attack6: unsigned offsets raised OverflowError (-1 filled into uint64) instead of a judgement."""
    from landstrikes.schema.guideline_rules import check_nested_quote_parents

    tables = nested_quotes(("outer", "a", "direct", 0, 90, None), ("inner", "a", "scare", 20, 40, None))
    tables["quotes"][["start", "end"]] = tables["quotes"][["start", "end"]].astype(dtype)
    assert findings(check_nested_quote_parents, **tables) == [("parent-quote-missing", "inner", "parent_quote_id")]


def test_a_gold_nested_quote_with_its_parent_removed_is_invalid(dataset_copy):
    """End to end: the gold's 11 nested quotes name their parents; removing one is a finding."""
    from conftest import load, save
    from landstrikes.schema import validate

    frame = load(dataset_copy, "quotes")
    row = frame.index[frame["parent_quote_id"].notna()][0]
    frame.loc[row, "parent_quote_id"] = None
    save(dataset_copy, "quotes", frame)
    report = validate(dataset_copy)
    assert [(f.check, f.row_id) for f in report.findings] == [("parent-quote-missing", frame.loc[row, "quote_id"])]


def quantified(unit, text, high=35.0, source="gold"):
    """One quantified claim (c1) beside a correct one (c0)."""
    return pd.DataFrame({"claim_id": ["c0", "c1"], "text": ["at least 35 boats", text],
                         "quantity_low": [35.0, high], "quantity_high": [35.0, high], "quantity_unit": ["boats", unit],
                         "quantity_bound": ["at_least", "exact"], "source": ["gold", source]})


@pytest.mark.parametrize("unit, text, high", [
    ("percent_decrease", "hundreds of thousands of deaths annually", 999999.0),  # the census's VALID swap (session 36)
    ("percent", "killing 300,000 people every year", 300000.0),
    ("percent", "a share of 140% of the vote", 140.0),
    ("percent_decrease", "a fall of 120 percent", 120.0),
    ("boats", "97% of the drugs", 97.0),
    ("deaths/year", "at least 35 boats were struck", 35.0),
    ("deaths/year", "300,000 overdoses in the country", 300000.0),
    ("people/year", "300,000 people crossed", 300000.0),
    ("metric_tons", "15 kilograms of cocaine", 15.0),
])
def test_an_annotated_unit_must_be_what_the_claims_words_count(unit, text, high):
    assert findings(check_quantity_unit_words, claims=quantified(unit, text, high)) == [
        ("quantity-unit-not-its-words", "c1", "quantity_unit")]


@pytest.mark.parametrize("unit, text, high", [
    ("deaths/year", "tens of thousands of overdose deaths per year", 99999.0),
    ("deaths/year", "killing 250,000 to 300,000 people in the United States annually", 300000.0),
    ("percent", "62% of Mexicans oppose", 62.0),
    ("percent_decrease", "a 12 per cent reduction", 12.0),
    ("percent_increase", "a 300% increase", 300.0),
    ("metric_tons", "15 metric tons of illicit arms", 15.0),
    ("boats", "The operations vote down dozens", 99.0),
])
def test_a_unit_its_words_count_passes(unit, text, high):
    assert findings(check_quantity_unit_words, claims=quantified(unit, text, high)) == []


def test_the_extractor_rows_are_exempt_from_the_unit_words_rule():
    assert findings(check_quantity_unit_words, claims=quantified("percent", "300,000 deaths", 300000.0, source="auto")) == []
