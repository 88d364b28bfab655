"""attack30: spans that nest pair every left row of an article with every right row, so even the
pairs in relation are the square of its rows. 3,000 claims [0, L-i) and 3,000 duplicate_headline
flags [i+1, L) in one article took 34.5 s and 3.9 GB to validate (1,000: 6.0 s), 19.6 s of it in
`claim-in-repeated-headline`, which keeps one flag per claim. The rules that keep one partner
per row or ask whether there is one (C10's repeated and headline-repeat rules, C12's boilerplate
claims, AQ1/AQ3's boilerplate gates, C9b's gate) now ask `same_article_span_match` for it
(8.4 s, 0.45 GB at 3,000, most of it the 28,766 findings).

The test counts the pairs listed or found (not seconds); the findings are those of the listing."""

from __future__ import annotations

import sys

import landstrikes.schema.checkcorpus as checkcorpus
from attack25_tools import rows_of, write_rows
from attack30_tools import article_merges
from landstrikes.schema import validate

A004 = "004_26f752040ea19616"


def _nested(folder, n: int) -> None:
    text = next(a for a in rows_of(folder, "articles") if a["article_id"] == A004)["text"]
    claims = rows_of(folder, "claims")
    template = next(c for c in claims if c["article_id"] == A004 and c["cluster_id"] is not None)
    claims += [{**template, "claim_id": f"{A004}:c:0-{len(text) - i}", "start": 0, "end": len(text) - i,
                "text": text[:len(text) - i], "contradicted_by": []} for i in range(n)]
    write_rows(folder, "claims", claims)
    flags = rows_of(folder, "quality_flags")
    template = next(f for f in flags if f["flag"] == "duplicate_headline")
    flags += [{**template, "article_id": A004, "flag_id": f"{A004}:f:duplicate_headline:{i + 1}-{len(text)}",
               "start": i + 1, "end": len(text), "text": text[i + 1:]} for i in range(n)]
    write_rows(folder, "quality_flags", flags)


def _counted(monkeypatch) -> list[tuple[int, int, int]]:
    """(left rows, right rows, pairs) of every listing of one article's pairs, and of every
    set of pairs found in relation."""
    seen = []
    listing, finding = checkcorpus.pairs_by_key, getattr(checkcorpus, "related_pairs", None)

    def listed(left, right):
        li, ri = listing(left, right)
        if sys._getframe(1).f_code.co_name.startswith("same_article_span"):
            seen.append((len(left), len(right), len(li)))
        return li, ri

    def found(relation, left_key, *rest):
        li, ri = finding(relation, left_key, *rest)
        seen.append((len(left_key), len(rest[2]), len(li)))
        return li, ri

    monkeypatch.setattr(checkcorpus, "pairs_by_key", listed)
    if finding is not None:
        monkeypatch.setattr(checkcorpus, "related_pairs", found)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    return seen


def test_nested_claims_over_nested_repeats_pair_in_proportion_to_their_rows(dataset_copy, monkeypatch):
    _nested(dataset_copy, 400)
    seen = _counted(monkeypatch)
    findings = validate(dataset_copy).findings
    assert sum(f.check == "claim-in-repeated-headline" for f in findings) >= 400  # and 004's own claims, all overlapped
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def test_one_partner_per_row_gives_the_findings_of_every_pair(dataset_copy, monkeypatch):
    _nested(dataset_copy, 150)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 1 << 62, raising=False)
    listed = validate(dataset_copy).findings
    monkeypatch.undo()
    seen = _counted(monkeypatch)
    assert validate(dataset_copy).findings == listed
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def _nested_fabrications(folder, n: int) -> None:
    """`n` claims said to match the record, nested, over `n` nested fabricated_content flags."""
    _nested(folder, n)
    claims = rows_of(folder, "claims")
    for claim in claims[-n:]:
        claim["record_status"] = "matches"
    write_rows(folder, "claims", claims)
    flags = rows_of(folder, "quality_flags")
    for flag in flags[-n:]:
        flag["flag"] = "fabricated_content"
        flag["flag_id"] = flag["flag_id"].replace(":duplicate_headline:", ":fabricated_content:")
    write_rows(folder, "quality_flags", flags)


def _frame_rows(monkeypatch) -> list[tuple[int, int, int]]:
    """(left rows, right rows, rows formed) of every article merge of the frame rules."""
    import landstrikes.schema.goldchecks as goldchecks
    seen = article_merges(monkeypatch)
    plain = getattr(goldchecks, "article_merge", None)
    if plain is not None:
        def reduced(left, right, *args, **kwargs):
            out = plain(left, right, *args, **kwargs)
            seen.append((len(left), len(right), len(out)))
            return out
        monkeypatch.setattr(goldchecks, "article_merge", reduced)
    return seen


def test_nested_matching_claims_over_nested_fabrications_form_rows_in_proportion(dataset_copy, monkeypatch):
    _nested_fabrications(dataset_copy, 300)
    seen = _frame_rows(monkeypatch)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    findings = validate(dataset_copy).findings
    assert sum(f.check == "fabricated-claim-matches-record" for f in findings) >= 300
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []
    monkeypatch.undo()
    from test_attack30_frame_rules import _merged
    import landstrikes.schema.goldchecks as goldchecks
    monkeypatch.setattr(goldchecks, "article_merge", _merged, raising=False)
    assert validate(dataset_copy).findings == findings
