"""A report that ends in a partial quotation keeps the quotation, whatever follows the report
(Q1: the span is the clause up to the end of the reported content; Q4: the quoted words are the
report's). A new user's invented article (newuser48) gave `the plan was` for `The mayor said the plan
was "a disaster for the city" and promised a review.`, and the partial quotation the verb after it
(`promised`) as its cue. Every sentence here is invented."""

from __future__ import annotations

import pytest

from landstrikes.extract.article import extract_article


def quotes(text: str) -> dict[str, dict]:
    return {q["text"]: q for q in extract_article("a", text)["quotes"]}


@pytest.mark.parametrize("text, report", [
    ('The mayor said the plan was "a disaster for the city" and promised a review.',
     'the plan was "a disaster for the city"'),
    ('Ann Lee said the ruling was "a victory for tenants", and added that she would appeal.',
     'the ruling was "a victory for tenants"'),
    ('The council said the road was "beyond repair" but did not say when it would close.',
     'the road was "beyond repair" but did not say when it would close'),
    ('The council said the fee was "unfair"; it will vote on Monday.', 'the fee was "unfair"'),
    ('Officials said the deal was "the best we could get".', 'the deal was "the best we could get"'),  # guard
])
def test_a_report_runs_through_the_partial_quotation_that_ends_it(text, report):
    assert report in quotes(text), sorted(quotes(text))


def test_the_partial_quotation_inside_a_report_is_the_reports_words():
    found = quotes('Ann Lee said the plan was "a disaster for the city" and promised a review.')
    report, partial = found['the plan was "a disaster for the city"'], found["a disaster for the city"]
    assert partial["parent_quote_id"] == report["quote_id"]
    assert (partial["speaker_id"], partial["cue_text"]) == (report["speaker_id"], "said") == ("ann-lee", "said")


def test_a_quotation_followed_by_more_of_the_clause_is_not_its_end():
    # (guard) the words after the closing mark go on with the content: the rule does not stretch it
    found = quotes('Ann Lee said the plan was "a disaster" for the city and the region.')
    assert 'the plan was "a disaster"' not in found
