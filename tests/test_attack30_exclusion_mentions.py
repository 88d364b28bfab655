"""attack30: M5's `exclusion-overlaps-mention` is one finding per (exclusion, mention) pair of one
entity that overlap, so nested exclusions over nested mentions of their entity make the findings
the square of the rows: 1,000 of each in article 004 were 1,025,439 findings, 12.7 s and 0.95 GB
(10^4 of each would be 10^8). Past MAX_CLASHES (100) mentions one exclusion is one finding naming
how many and the first (3.0 s, 0.32 GB at 1,000); at most 100, the findings are as before, found
without listing the article's pairs.

The tests count findings and pairs listed (not seconds)."""

from __future__ import annotations

import landstrikes.schema.exclusion_mentions as exclusion_mentions
from attack25_tools import rows_of, write_rows
from attack30_tools import A004, article_text, pairs_listed
from landstrikes.schema import validate

CHECK = "exclusion-overlaps-mention"


def _nested(folder, n: int) -> None:
    """`n` exclusions [i, L) of `mexico` and `n` mentions [0, L-i-1) of `mexico` in 004."""
    text = article_text(folder, A004)
    size = len(text)
    exclusions = rows_of(folder, "mention_exclusions")
    exclusions += [{**exclusions[0], "article_id": A004, "entity_id": "mexico", "exclusion_id": f"{A004}:x:{i}-{size}",
                    "start": i, "end": size, "text": text[i:]} for i in range(n)]
    write_rows(folder, "mention_exclusions", exclusions)
    mentions = rows_of(folder, "mentions")
    template = next(m for m in mentions if m["entity_id"] == "mexico")
    mentions += [{**template, "article_id": A004, "mention_id": f"{A004}:m:0-{size - i - 1}", "start": 0, "end": size - i - 1,
                  "text": text[:size - i - 1]} for i in range(n)]
    write_rows(folder, "mentions", mentions)


def _findings(folder):
    return [f for f in validate(folder).findings if f.check == CHECK]


def test_an_exclusion_overlapped_by_many_mentions_is_one_finding(dataset_copy):
    _nested(dataset_copy, 150)
    found = _findings(dataset_copy)
    assert len(found) == 150, f"{len(found)} findings for 150 exclusions"
    assert all("mentions say these words refer to 'mexico'" in f.message and "past 100 mentions" in f.message for f in found)


def test_up_to_the_limit_each_clash_is_a_finding_found_without_listing_the_article(dataset_copy, monkeypatch):
    _nested(dataset_copy, 60)
    plain = _findings(dataset_copy)
    assert len(plain) > 60 * 60 and all(f.message.startswith("mention ") for f in plain)
    seen = pairs_listed(monkeypatch, "check_exclusion_mentions", "same_article_span_pairs", modules=(exclusion_mentions,))
    assert _findings(dataset_copy) == plain
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []
