"""attack30: C10's `headline-claim-attributed` is one finding per (claim, headline or heading
segment) pair the claim starts in, so nested headline segments (`segments-not-partition`) make
the findings the square of the rows: 1,000 attributed claims in 1,000 nested headlines of 004
were 805,000 findings, 8.9 s and 0.67 GB. A claim starting in more than MAX_HEADINGS (100) is now
one finding naming how many (3.4 s, 0.26 GB); in at most 100, the findings are as before.

The tests count findings and pairs listed (not seconds)."""

from __future__ import annotations

from attack25_tools import rows_of, write_rows
from attack30_tools import A004, article_text, pairs_listed
from landstrikes.schema import validate

CHECK = "headline-claim-attributed"


def _nested(folder, n: int) -> None:
    """`n` headline segments [0, L-i-1) and `n` attributed claims [j, j+5) of 004."""
    text = article_text(folder, A004)
    size = len(text)
    segments = rows_of(folder, "segments")
    template = next(s for s in segments if s["article_id"] == A004)
    segments += [{**template, "segment_id": f"{A004}:g:0-{size - i - 1}", "start": 0, "end": size - i - 1,
                  "text": text[:size - i - 1], "kind": "headline"} for i in range(n)]
    write_rows(folder, "segments", segments)
    claims = rows_of(folder, "claims")
    template = next(c for c in claims if c["article_id"] == A004 and c["claimant_id"] is not None)
    claims += [{**template, "claim_id": f"{A004}:c:{j}-{j + 5}", "start": j, "end": j + 5, "text": text[j:j + 5],
                "contradicted_by": []} for j in range(1, n + 1)]
    write_rows(folder, "claims", claims)


def _findings(folder):
    return [f for f in validate(folder).findings if f.check == CHECK]


def test_a_claim_in_many_nested_headlines_is_one_finding(dataset_copy):
    _nested(dataset_copy, 150)
    found = _findings(dataset_copy)
    assert len(found) <= 150 + 50 * 100, f"{len(found)} findings for 150 claims"
    assert sum("150 headline or heading segments" in f.message for f in found) >= 45


def test_up_to_the_limit_each_pair_is_a_finding_found_without_listing_the_article(dataset_copy, monkeypatch):
    _nested(dataset_copy, 60)
    plain = _findings(dataset_copy)
    assert len(plain) > 60 * 30 and all(f.message.startswith("a claim in a headline") for f in plain)
    seen = pairs_listed(monkeypatch, "same_article_span")
    assert _findings(dataset_copy) == plain
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []
