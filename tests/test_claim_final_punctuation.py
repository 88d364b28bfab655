"""G2 for claims: a claim's span excludes the sentence's final punctuation, also where it copies a
quotation's words (its own span has no marks). The review of 2.2.1 found two gold claims ending
on their full stop beside copies of the same words without it; 2.3.0 corrected them and
`claim-span-final-punctuation` keeps it so."""

from __future__ import annotations

import pytest

from conftest import load, save
from landstrikes.schema.validate import validate
from test_attack15_indirect_ends import _extract


def _widen_a_claim(folder) -> str:
    """One unreferenced claim widened onto the full stop after it, its id re-derived."""
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    claims = load(folder, "claims")
    referenced = {i for ids in claims.contradicted_by for i in ids}
    for i, row in claims.iterrows():
        end = int(row.end)
        if text[row.article_id][end:end + 1] == "." and row.claim_id not in referenced:
            new = f"{row.article_id}:c:{int(row.start)}-{end + 1}"
            claims.loc[i, ["end", "text", "claim_id"]] = [end + 1, text[row.article_id][int(row.start):end + 1], new]
            save(folder, "claims", claims)
            return new
    pytest.skip("no unreferenced claim before a full stop")


def test_a_claim_ending_on_its_full_stop_is_a_finding(dataset_copy):
    claim_id = _widen_a_claim(dataset_copy)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"claim-span-final-punctuation"}, report.to_text()
    assert claim_id in report.to_text() and "(G2)" in report.to_text()


def test_no_gold_claim_ends_on_final_punctuation(dataset_copy):
    claims = load(dataset_copy, "claims")
    assert not claims.text.str.contains(r"[.!?\u2026]$").any()
    assert validate(dataset_copy).ok


def test_the_extractors_claims_validate_where_a_stop_ends_an_abbreviation(tmp_path):
    """A numeric claim whose sentence goes on after `D.C.` or `Inc.` keeps that stop, as the
    indirect rule allows: the extractor's silver still validates."""
    silver = _extract(tmp_path, "Offices move\n\nThe agency moved 300 staff to Washington, D.C. and two other cities.\n\n"
                              "Prices rose 12% at Acme Holdings Inc., the firm said.\n\nSales fell 40% last year.\n")
    assert len(load(silver, "claims")), "the extractor proposed no claim to judge"
    report = validate(silver)
    assert report.ok, report.to_text()


def test_a_stance_evidence_ending_on_its_full_stop_is_a_finding(dataset_copy):
    """G2 names evidence spans too; the third review of the gold found two stance evidence spans
    that kept their quotation's full stop (corrected in 2.5.0)."""
    stance_id = _widen_a_stance_evidence(dataset_copy, ".")
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"evidence-span-final-punctuation"}, report.to_text()
    assert stance_id in report.to_text()


def _widen_a_stance_evidence(folder, onto: str) -> str:
    """The first stance whose evidence is followed by `onto`, widened onto it; its id."""
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    stances = load(folder, "stances")
    row = next(i for i, s in stances.iterrows() if text[s.article_id][int(s.evidence_end):int(s.evidence_end) + 1] == onto)
    end = int(stances.evidence_end[row]) + 1
    stances.loc[row, ["evidence_end", "evidence_text"]] = [end, text[stances.article_id[row]][int(stances.evidence_start[row]):end]]
    save(folder, "stances", stances)
    return stances.stance_id[row]


def test_a_claim_widened_onto_its_comma_is_a_finding(dataset_copy):
    """G2 (after release 2.8.0): a claim or indirect span does not end on the clause stop after
    its last word. The census on 2.8.0's data found a claim widened onto its comma, its id
    re-derived, validating."""
    articles = load(dataset_copy, "articles")
    text = dict(zip(articles.article_id, articles.text))
    claims = load(dataset_copy, "claims")
    referenced = {i for ids in claims.contradicted_by for i in ids}
    row = next(i for i, c in claims.iterrows() if text[c.article_id][int(c.end):int(c.end) + 1] == "," and c.claim_id not in referenced)
    article, start, end = claims.article_id[row], int(claims.start[row]), int(claims.end[row]) + 1
    claims.loc[row, ["end", "text", "claim_id"]] = [end, text[article][start:end], f"{article}:c:{start}-{end}"]
    save(dataset_copy, "claims", claims)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"span-ends-on-clause-stop"}, report.to_text()
    assert f"{article}:c:{start}-{end}" in report.to_text()


def test_an_indirect_quote_widened_onto_its_comma_is_a_finding(dataset_copy):
    articles = load(dataset_copy, "articles")
    text = dict(zip(articles.article_id, articles.text))
    quotes = load(dataset_copy, "quotes")
    parents = set(quotes.parent_quote_id.dropna())
    row = next(i for i, q in quotes.iterrows() if q.kind == "indirect" and q.quote_id not in parents
               and text[q.article_id][int(q.end):int(q.end) + 1] in (",", ";", ":"))
    end = int(quotes.end[row]) + 1
    quotes.loc[row, ["end", "text"]] = [end, text[quotes.article_id[row]][int(quotes.start[row]):end]]
    save(dataset_copy, "quotes", quotes)
    checks = {f.check for f in validate(dataset_copy).findings}
    assert "span-ends-on-clause-stop" in checks, checks


def test_no_gold_claim_or_indirect_quote_ends_on_a_clause_stop(dataset_copy):
    claims, quotes = load(dataset_copy, "claims"), load(dataset_copy, "quotes")
    assert not claims.text.str.contains(r"[,;:]$").any()
    assert not quotes[quotes.kind == "indirect"].text.str.contains(r"[,;:]$").any()


def test_a_quality_flags_evidence_ending_on_its_full_stop_is_a_finding(dataset_copy):
    """G2 2.7: a flag's evidence is a span without marks too; the sixth review found two of 79
    ending on their sentence's full stop (corrected in 2.9.0), which nothing checked."""
    flag_id = _widen_a_flag(dataset_copy, lambda flag, after: flag.flag != "truncation_artifact" and after == ".")
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"flag-evidence-final-punctuation"}, report.to_text()
    assert flag_id in report.to_text()


def _widen_a_flag(folder, wanted) -> str:
    """The first flag `wanted(flag, next character)` picks, widened by one character, its id re-derived."""
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    flags = load(folder, "quality_flags")
    row = next(i for i, f in flags.iterrows() if wanted(f, text[f.article_id][int(f.end):int(f.end) + 1]))
    start, end = int(flags.start[row]), int(flags.end[row]) + 1
    flag_id = f"{flags.article_id[row]}:f:{flags.flag[row]}:{start}-{end}"
    flags.loc[row, ["end", "text", "flag_id"]] = [end, text[flags.article_id[row]][start:end], flag_id]
    save(folder, "quality_flags", flags)
    return flag_id


def test_a_truncation_artifacts_stop_is_part_of_it(dataset_copy):
    """`Reu.` is the flagged fragment itself: no finding."""
    flags = load(dataset_copy, "quality_flags")
    assert "Reu." in flags[flags.flag == "truncation_artifact"].text.tolist()
    assert validate(dataset_copy).ok


def test_the_extractors_boilerplate_flags_end_before_their_stop(tmp_path):
    """Dev news: 17 boilerplate blocks (`Sign Up for the Politics Today newsletter!`, `Read more
    on Ferguson.`) were flagged with their stop; the silver now validates."""
    _assert_boilerplate_evidence_never_ends_on(
        tmp_path, "Read more on Ferguson.\n\nWhat do you think? Let us know in the comments.\n", r"[.!?\u2026]$")


def _assert_boilerplate_evidence_never_ends_on(tmp_path, boilerplate: str, ending: str) -> None:
    """The extractor's flags over `boilerplate` after a short article: none ends on `ending`, and the silver validates."""
    silver = _extract(tmp_path, "Prices rise\n\nPrices rose 12% last year, the agency said.\n\n" + boilerplate)
    flags = load(silver, "quality_flags")
    assert len(flags), "the extractor flagged no block to judge"
    assert not flags.text.str.contains(ending).any(), flags.text.tolist()
    report = validate(silver)
    assert report.ok, report.to_text()


def test_a_stance_evidence_widened_onto_its_comma_is_a_finding(dataset_copy):
    """G2 2.11: the clause stop is one rule for every span without marks. The ninth review found
    two stance evidence spans ending on the comma the writer put before the closing mark, which
    nothing checked."""
    stance_id = _widen_a_stance_evidence(dataset_copy, ",")
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"span-ends-on-clause-stop"}, report.to_text()
    assert stance_id in report.to_text() and "evidence_end" in report.to_text()


def test_a_quality_flags_evidence_ending_on_a_colon_is_a_finding(dataset_copy):
    """G2 2.11: a boilerplate heading's evidence (`Related to this topic:`) ends before its colon."""
    flag_id = _widen_a_flag(dataset_copy, lambda flag, after: flag.text == "Related to this topic" and after == ":")
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"span-ends-on-clause-stop"}, report.to_text()
    assert flag_id in report.to_text()


def test_no_gold_evidence_ends_on_a_clause_stop(dataset_copy):
    stances, flags = load(dataset_copy, "stances"), load(dataset_copy, "quality_flags")
    assert not stances.evidence_text.str.contains(r"[,;:]$").any()
    assert not flags[flags.flag != "truncation_artifact"].text.str.contains(r"[,;:]$").any()


def test_the_extractors_boilerplate_flags_end_before_a_headings_colon(tmp_path):
    _assert_boilerplate_evidence_never_ends_on(
        tmp_path, "Related articles:\n\nWhat do you think? Let us know in the comments:\n", r"[,;:.!?\u2026]$")
